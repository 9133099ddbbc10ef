import { Badge, TableCell, Text } from '@fluentui/react-components';
import { FormattedMessage } from 'react-intl';
import type { ReadData } from '../../api/queries.ts';

type Status = ReadData<'/api/v1/rewards/benefits'>['items'][number]['status'];

/** A benefit's first two cells in every benefit table: its name with its description, and its status. */
export function BenefitCells({ benefit }: { benefit: { name: string; description: string; status: Status } }) {
  return (
    <>
      <TableCell>
        <Text weight="semibold">{benefit.name}</Text>
        <br />
        <Text size={200}>{benefit.description}</Text>
      </TableCell>
      <TableCell>
        <Badge appearance="tint" color={benefit.status === 'available' ? 'success' : 'informative'}>
          <FormattedMessage id={`rewards.status.${benefit.status}`} />
        </Badge>
      </TableCell>
    </>
  );
}
