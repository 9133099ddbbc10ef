import { Badge, Checkbox, Text, tokens, useId } from '@fluentui/react-components';
import { useIntl } from 'react-intl';
import type { Role } from '../../app/session.tsx';

export function RoleBadges({ roles }: { roles: readonly Role[] }) {
  const intl = useIntl();
  return (
    <span style={{ display: 'inline-flex', gap: 4, flexWrap: 'wrap' }}>
      {roles.map((role) => (
        <Badge key={role} appearance="tint" color={role === 'user' ? 'informative' : 'brand'}>
          {intl.formatMessage({ id: `role.${role}` })}
        </Badge>
      ))}
    </span>
  );
}

/**
 * The roles as a group of checkboxes in a fieldset: those the server says the
 * caller may grant, and (disabled) any other the user already has ('user'
 * means no admin role and is not offered). Not a Fluent Field: a Field hands
 * its one control id to every checkbox inside it, and each label would then
 * toggle the first box.
 */
export function RolePicker({
  value,
  grantable,
  onChange,
  error,
}: {
  value: Role[];
  grantable: readonly Role[];
  onChange: (roles: Role[]) => void;
  error?: string | undefined;
}) {
  const offered = [...grantable, ...value.filter((role) => role !== 'user' && !grantable.includes(role))];
  const intl = useIntl();
  const hintId = useId('roles-hint');
  return (
    <fieldset aria-describedby={hintId} style={{ border: 'none', margin: 0, padding: 0 }}>
      <legend>
        <Text weight="semibold">{intl.formatMessage({ id: 'users.roles' })}</Text>
      </legend>
      <div style={{ display: 'flex', flexDirection: 'column' }}>
        {offered.map((role) => (
          <Checkbox
            key={role}
            label={intl.formatMessage({ id: `role.${role}` })}
            checked={value.includes(role)}
            disabled={!grantable.includes(role)}
            onChange={(_, data) =>
              onChange(data.checked ? [...value, role] : value.filter((existing) => existing !== role))
            }
          />
        ))}
      </div>
      <Text id={hintId} size={200} as="p">
        {intl.formatMessage({ id: 'users.rolesHint' })}
      </Text>
      {error && (
        <Text role="alert" size={200} style={{ color: tokens.colorPaletteRedForeground1 }}>
          {error}
        </Text>
      )}
    </fieldset>
  );
}
