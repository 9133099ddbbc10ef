// Generated from /api/openapi.json by `npm run generate:api`. Do not edit.
export interface paths {
    "/healthz": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The process is up */
        get: operations["getHealth"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/readyz": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The database answers; with the state of the change feed and the outbox
         * @description 503 while the database cannot be reached or does not answer in time. `changeFeed` says whether other instances' writes are heard (`lost`: caches are off until it is back); `outbox` what waits to be sent.
         */
        get: operations["getReadiness"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/sign-in": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Sign in with a sign-in name (name@tenant-domain) and password
         * @description A partner user is signed in at once (200). A member of the Rewards team (an operator) gets 202: the password was right, and the second factor is next (POST /api/v1/auth/operator/second-factor, within the pending cookie's minutes).
         */
        post: operations["signIn"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/operator/second-factor": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * An operator's second factor: the authenticator's code (or a recovery code) after the password
         * @description Needs the `rewards_operator_pending` cookie the sign-in set. Wrong codes are counted on that sign-in; at five it ends, and the password must be given again. A code is never accepted twice.
         */
        post: operations["completeOperatorSignIn"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/sign-out": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Sign out and revoke the session */
        post: operations["signOut"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/sign-out-everywhere": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Sign out everywhere: end every session of the signed-in user, this one too */
        post: operations["signOutEverywhere"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/me/password": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Change your own password (the current one is asked for); your other sessions end */
        post: operations["changeOwnPassword"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/me": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The signed-in user */
        get: operations["getMe"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Save the user's language (null: follow the browser) */
        patch: operations["updateMe"];
        trace?: never;
    };
    "/api/v1/ops/me": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Who is calling the operator API: an operator signed in to the console, or a token */
        get: operations["getOperatorMe"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/ops/tokens": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The operator API tokens, without their secrets (revoked and expired ones included)
         * @description By name; a page at a time.
         */
        get: operations["listOperatorTokens"];
        put?: never;
        /** Create an operator API token (a name in use gets a new secret); the secret is in this answer only */
        post: operations["createOperatorToken"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/ops/tokens/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Revoke an operator API token at once */
        delete: operations["revokeOperatorToken"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/help/rewards-visibility": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Why can't I see the Marketplace Rewards program? The checks for the signed-in user */
        get: operations["getRewardsVisibilityHelp"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/account/users": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Users of every tenant of the partner account
         * @description By tenant domain, then user name; a page at a time.
         */
        get: operations["listAccountUsers"];
        put?: never;
        /** Add a user to one of the account's tenants */
        post: operations["addAccountUser"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/account/users/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Remove a user */
        delete: operations["removeAccountUser"];
        options?: never;
        head?: never;
        /** Change a user's roles, name or email */
        patch: operations["updateAccountUser"];
        trace?: never;
    };
    "/api/v1/account/users/{id}/password": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Set a new password for a user (as for their email: not another tenant's own users); their sessions end */
        post: operations["resetAccountUserPassword"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/account/tenants": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Directory tenants associated with the partner account
         * @description In the order they were associated (the primary tenant first); a page at a time.
         */
        get: operations["listAccountTenants"];
        put?: never;
        /** Associate another tenant, proven by the credentials of any of its users (checked, never stored) */
        post: operations["associateTenant"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/account/tenants/{id}/removal": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * What removing a tenant's association would do: who loses access, and whether the marketing contact is one of them
         * @description Refused as the removal itself would be (not the primary tenant, not the one you signed in with). Changes nothing.
         */
        get: operations["previewTenantRemoval"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/account/tenants/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Remove a tenant's association (not the primary tenant, not the one you signed in with) */
        delete: operations["removeTenantAssociation"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/ops/tenants": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Create a directory tenant */
        post: operations["createTenant"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/ops/partner-accounts": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Create a partner account (PGA) with its primary tenant */
        post: operations["createPartnerAccount"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/ops/tenants/{id}/users": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Create a user in a tenant */
        post: operations["createTenantUser"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/ops/publisher-profiles/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** Create or update a publisher profile; a new MPN ID relinks it (and its eligibility) */
        put: operations["putPublisherProfile"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/ops/offers/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** Create or update an offer */
        put: operations["putOffer"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/ops/billed-sales": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Ingest billed-sales line items (up to 10000); idempotent by line id, all or nothing */
        post: operations["ingestBilledSales"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/rewards": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Eligibility of the partner account: offers, billed sales, tier, next tier, why */
        get: operations["getRewardsSummary"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/rewards/benefits": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The partner account's benefits (names in the request's language)
         * @description Most recently unlocked first; a page at a time.
         */
        get: operations["listBenefits"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/ops/partners/{mpnId}/rewards": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Eligibility of a partner account, by MPN ID */
        get: operations["getPartnerRewardsSummary"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/ops/partners/{mpnId}/benefits": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Benefits of a partner account, by MPN ID
         * @description Most recently unlocked first; a page at a time.
         */
        get: operations["listPartnerBenefits"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/rewards/marketing-contact": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The marketing contact who receives the follow-up communications (null until assigned) */
        get: operations["getMarketingContact"];
        /** Assign or change the marketing contact: a user of the account, an email other than the company account email, a phone, a language */
        put: operations["assignMarketingContact"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/rewards/marketing-contact/candidates": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The users of the account who can be chosen as marketing contact
         * @description By display name, then user name; a page at a time.
         */
        get: operations["listMarketingContactCandidates"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/rewards/benefits/{id}/activation": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Activate a sales and marketing benefit: 201 the first time, 200 with the same activation after */
        post: operations["activateBenefit"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/rewards/activations": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The partner account's activations and their follow-up due times
         * @description Newest first; a page at a time.
         */
        get: operations["listActivations"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/ops/activations": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Activations to follow up, ordered by due time (overdue flagged)
         * @description Soonest due first; a page at a time.
         */
        get: operations["listTeamActivations"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/ops/activations/{id}/contacted": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Record that the Rewards team contacted the marketing contact */
        post: operations["recordActivationContacted"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/ops/partners/{mpnId}/entitlements/{id}/revocation": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Withdraw a partner's benefit with a reason code (the partner is emailed in their language) */
        post: operations["revokeEntitlement"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/rewards/technical-benefits": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The technical benefits with what is left of each (hours or requests), and whether a request can draw on it */
        get: operations["listTechnicalBenefits"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/rewards/offers": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The partner's offers, over every publisher profile (what a technical request can be about)
         * @description By name, then id; a page at a time.
         */
        get: operations["listPartnerOffers"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/rewards/technical-requests": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The partner's technical assistance requests, newest first */
        get: operations["listTechnicalRequests"];
        put?: never;
        /**
         * Submit a technical assistance request: it reserves from a technical benefit, and the technical contact is emailed
         * @description Every field is checked at once (422 lists each problem). With `Idempotency-Key`, a repeated submit (also two at once) answers with the first request and creates nothing.
         */
        post: operations["submitTechnicalRequest"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/rewards/technical-requests/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A technical assistance request with its history, messages and files */
        get: operations["getTechnicalRequest"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Edit a submitted request, or answer one the team asked about (action-required -> in-review), at its current revision */
        patch: operations["changeTechnicalRequest"];
        trace?: never;
    };
    "/api/v1/rewards/technical-requests/{id}/cancellation": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Cancel a request until it is scheduled; its reservation goes back to the benefit */
        post: operations["cancelTechnicalRequest"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/rewards/technical-requests/{id}/messages": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** A message in the request's conversation with the Rewards team */
        post: operations["postTechnicalRequestMessage"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/rewards/technical-requests/{id}/attachments": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Attach a file (PDF, PNG, JPEG or plain text, read from its content; at most 4 MB, 5 a request) */
        post: operations["addTechnicalRequestAttachment"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/rewards/technical-requests/{id}/attachments/{attachmentId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Download a file of the request (always as an attachment) */
        get: operations["downloadTechnicalRequestAttachment"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/ops/technical-requests": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Technical assistance requests to work on, oldest first (status `open`, the default, is every one not closed) */
        get: operations["listTeamTechnicalRequests"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/ops/technical-requests/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A technical assistance request, with where it may be moved */
        get: operations["getTeamTechnicalRequest"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/ops/technical-requests/{id}/transitions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Move a request through its lifecycle (in-review, action-required with what is needed, scheduled with its time, completed, declined with why) */
        post: operations["moveTeamTechnicalRequest"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/ops/technical-requests/{id}/messages": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Write to the partner about a request (the technical contact is emailed) */
        post: operations["postTeamTechnicalRequestMessage"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/ops/technical-requests/{id}/attachments/{attachmentId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Download a file of a request (always as an attachment) */
        get: operations["downloadTeamTechnicalRequestAttachment"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/ops/work": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The work queue: open activations, technical requests and sponsorship provisioning requests, soonest due first
         * @description Each item with its due time and the time left (negative once overdue); filter by kind, state, partner, benefit, assignee and overdue. A page at a time.
         */
        get: operations["listWork"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/ops/work/{kind}/{id}/assignment": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Assign an open item: to yourself, or (a manager) to someone of the team */
        post: operations["assignWork"];
        /**
         * Put an item back in the unassigned queue (its assignee, or a manager)
         * @description An item that is the partner's engagement manager's by default has no assignment to take back: 409 ASSIGNED_BY_DEFAULT (assign it to someone else instead).
         */
        delete: operations["unassignWork"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/ops/work/{kind}/{id}/contacts": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The contacts recorded for an item, newest first */
        get: operations["listWorkContacts"];
        put?: never;
        /** Record a contact with the partner (channel, note, time); an activation's first one puts its benefit in progress */
        post: operations["recordWorkContact"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/ops/dashboard": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Open, due today and overdue work, and the last 30 days: median time to first contact and the share contacted within a week, overall and per agent */
        get: operations["getWorkDashboard"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/ops/operators": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The Rewards team: the operators whose accounts are active, by name */
        get: operations["listTeam"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/ops/partners/{mpnId}/engagement-manager": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** Name the partner's engagement manager: its open work without an assignment of its own is hers */
        put: operations["nameEngagementManager"];
        post?: never;
        /** The partner has no engagement manager any more: its unassigned work is unassigned */
        delete: operations["clearEngagementManager"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/ops/program": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The program version in force: its tiers and benefits, and how far the recomputation after its load has come */
        get: operations["getActiveProgram"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/ops/program/versions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Every program version, newest (the one in force) first */
        get: operations["listProgramVersions"];
        put?: never;
        /**
         * Load a definition as the new version in force; every partner is recomputed in the background (GET /api/v1/ops/program shows how far)
         * @description basedOnVersion is the version the preview compared with: if another was loaded since, 409 REVISION_CONFLICT (preview again).
         */
        post: operations["loadProgramVersion"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/ops/program/versions/{version}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A version's definition, as it was loaded (to edit and load again) */
        get: operations["getProgramVersion"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/ops/program/previews": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Validate a definition and show which partners would change tier, gain or lose benefits if it were loaded (nothing is changed)
         * @description Each problem of an invalid definition is a field of the 422, keyed by its JSON pointer (`/tiers/2/code`; `source` when the text does not parse).
         */
        post: operations["previewProgram"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/ops/audit-events": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The audit log, newest first: filter by actor, partner (MPN ID), action and time */
        get: operations["listAuditEvents"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/ops/audit-events.csv": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The filtered audit log as a CSV file */
        get: operations["exportAuditEvents"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/ops/partner-search": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Find partners by MPN ID, part of the name, a tenant's domain or a user's email (or sign-in name) */
        get: operations["searchPartners"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/ops/partners/{mpnId}/file": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A partner's whole file: account, tenants, users and roles, profiles and offers, billed sales by month, standing, entitlements with history, contact, activations, requests, sponsorships */
        get: operations["getPartnerFile"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/ops/operator-accounts": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The Rewards team: every operator account, disabled ones too, by name */
        get: operations["listOperatorAccounts"];
        put?: never;
        /** Add a member of the Rewards team with a first password (their second factor is enrolled at their first sign-in) */
        post: operations["createOperatorAccount"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/ops/operator-accounts/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Change a member's name, role, manager or language, or disable the account (their sessions end at once) */
        patch: operations["changeOperatorAccount"];
        trace?: never;
    };
    "/api/v1/rewards/sponsorships": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The partner's sponsorship credits (they stack), what remains of each and in all, and the billing types a credit may be provisioned on */
        get: operations["listSponsorships"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/rewards/sponsorships/ledger": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The sponsorship ledger, newest first: each credit, each usage line's draw on it, and usage no credit covered */
        get: operations["listSponsorshipLedger"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/rewards/sponsorships/{id}/provisioning-request": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Ask the Rewards team to provision an unlocked sponsorship on a cloud subscription
         * @description A billing type the program excludes is refused with the reason (422, field billingType).
         */
        post: operations["requestSponsorshipProvisioning"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/ops/sponsorships": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Sponsorships by status (default `requested`: the provisioning requests to act on), oldest first */
        get: operations["listTeamSponsorships"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/ops/sponsorships/{id}/activation": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Start a requested sponsorship: its term runs from activeFrom */
        post: operations["activateTeamSponsorship"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/ops/sponsorships/{id}/provisioning-decline": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Decline a provisioning request (back to unlocked), saying why */
        post: operations["declineTeamSponsorshipProvisioning"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/ops/sponsorships/{id}/revocation": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Revoke a sponsorship for misuse, saying why */
        post: operations["revokeTeamSponsorship"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/ops/sponsorship-usage": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Record cloud usage against partners' sponsorship credits (idempotent by line id)
         * @description Each line draws on the credits of its partner active at `usedAt`, the one that expires first going first; what no credit covers is recorded as uncovered. A line already recorded with the same values is skipped; the same id with other values refuses the batch (422 USAGE_LINE_CHANGED).
         */
        post: operations["recordSponsorshipUsage"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/ops/outbox": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Emails in the outbox by status (pending, sending, sent, failed), newest first
         * @description The counts are of the whole outbox; the items a page at a time.
         */
        get: operations["getOutbox"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/ops/outbox/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A message's text as it was sent (each read is audited: it is the partner's correspondence) */
        get: operations["getOutboxMessageText"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/ops/outbox/{id}/resend": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Send a failed message again (its attempts start over) */
        post: operations["resendOutboxMessage"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export type webhooks = Record<string, never>;
export interface components {
    schemas: {
        /** @description Error */
        ErrorBody: {
            error: {
                /** @description Stable, machine-readable reason */
                code: string;
                /** @description Human-readable, in the caller's language */
                message: string;
                /** @description Per-field problems, keyed by the field name */
                fields?: {
                    [key: string]: {
                        code: string;
                        message: string;
                    };
                };
                /** @description The existing record a 409 conflicts with */
                conflict?: {
                    /** @enum {unknown} */
                    type: "tenant" | "partner-account" | "user" | "technical-request" | "sponsorship" | "program";
                    id: string;
                    /** @description On REVISION_CONFLICT: the current revision, to read the record again and retry */
                    revision?: number;
                };
            };
        };
        Tenant: {
            /** Format: uuid */
            id: string;
            domain: string;
            displayName: string;
            isPrimary: boolean;
            associatedAt: string | null;
            /** @description What the caller may do with this tenant */
            abilities: {
                remove: boolean;
                addUser: boolean;
                /** @description Roles the caller may give a user added to this tenant (Global admin only in the caller's own) */
                grantableRoles: ("global-admin" | "account-admin" | "mpn-partner-admin" | "admin-agent" | "user")[];
            };
        };
        User: {
            /** Format: uuid */
            id: string;
            /** Format: uuid */
            tenantId: string;
            tenantDomain: string;
            username: string;
            displayName: string;
            email: string;
            roles: ("global-admin" | "account-admin" | "mpn-partner-admin" | "admin-agent" | "user")[];
            locale: ("en-US" | "nl-NL") | null;
        };
        AccountUser: {
            /** Format: uuid */
            id: string;
            /** Format: uuid */
            tenantId: string;
            tenantDomain: string;
            username: string;
            displayName: string;
            email: string;
            roles: ("global-admin" | "account-admin" | "mpn-partner-admin" | "admin-agent" | "user")[];
            locale: ("en-US" | "nl-NL") | null;
            /** @description Made by this partner account in a tenant other than its admin's own: removed when that tenant's association ends */
            addedByAccount: boolean;
            /** @description What the caller may do with this user */
            abilities: {
                /** @description Change the name or email */
                update: boolean;
                changeRoles: boolean;
                /** @description Roles the caller may give this user */
                grantableRoles: ("global-admin" | "account-admin" | "mpn-partner-admin" | "admin-agent" | "user")[];
                /** @description Set a new password for this user (ends their sessions) */
                resetPassword: boolean;
                remove: boolean;
            };
        };
        PartnerAccount: {
            /** Format: uuid */
            id: string;
            name: string;
            mpnId: string;
            companyEmail: string;
            /** Format: uuid */
            primaryTenantId: string;
        };
        SignedIn: {
            user: components["schemas"]["User"];
            partnerAccount: components["schemas"]["PartnerAccount"] | null;
            roles: ("global-admin" | "account-admin" | "mpn-partner-admin" | "admin-agent" | "user")[];
            navigation: {
                marketplaceRewards: boolean;
            };
            /** @description The two conditions behind navigation.marketplaceRewards, for the help page */
            visibility: {
                tenantAssociated: boolean;
                hasRewardsRole: boolean;
            };
            /** @description Send back in the x-csrf-token header on every state-changing request; an operator's starts with `op_` */
            csrfToken: string;
        };
        OperatorToken: {
            /** Format: uuid */
            id: string;
            name: string;
            /** Format: date-time */
            createdAt: string;
            lastUsedAt: string | null;
            expiresAt: string | null;
            revokedAt: string | null;
        };
        Operator: {
            /** Format: uuid */
            id: string;
            username: string;
            displayName: string;
            email: string;
            /** @enum {unknown} */
            role: "rewards-agent" | "rewards-manager" | "operator-admin";
            locale: ("en-US" | "nl-NL") | null;
        };
        OperatorSecondFactorNeeded: {
            /**
             * @description enroll: the first sign-in; add the secret to an authenticator app, then send its code
             * @enum {unknown}
             */
            secondFactor: "enroll" | "verify";
            enrollment: {
                /** @description Base32 */
                secret: string;
                /** @description otpauth:// address, for a QR code */
                uri: string;
                /** @description The address as a QR code: an SVG image, as a data: URL */
                qrCode: string;
            } | null;
            /** Format: date-time */
            expiresAt: string;
        };
        OperatorSignedIn: {
            operator: components["schemas"]["Operator"];
            /** @description At enrollment only: ten single-use codes, shown this once */
            recoveryCodes: string[] | null;
            /** @description Send back in the x-csrf-token header on every state-changing request; an operator's starts with `op_` */
            csrfToken: string;
        };
        RewardsSummary: {
            partnerAccount: {
                /** Format: uuid */
                id: string;
                name: string;
                mpnId: string;
            };
            publisherProfiles: {
                id: string;
                name: string;
            }[];
            liveOffers: {
                list: number;
                trial: number;
                consulting: number;
                transact: number;
            };
            /**
             * @description US dollars as an exact decimal string
             * @example 1234.56
             */
            billedSalesTtmUsd: string;
            tier: {
                code: string;
                name: string;
                /**
                 * @description US dollars as an exact decimal string
                 * @example 1234.56
                 */
                minBilledSalesUsd: string;
            } | null;
            nextTier: {
                code: string;
                name: string;
                /**
                 * @description US dollars as an exact decimal string
                 * @example 1234.56
                 */
                minBilledSalesUsd: string;
                /**
                 * @description US dollars as an exact decimal string
                 * @example 1234.56
                 */
                missingUsd: string;
            } | null;
            programVersion: number;
            /** Format: date-time */
            computedAt: string;
            explanation: {
                tier: string;
                nextTier: string;
                profiles: {
                    id: string;
                    name: string;
                    liveOffers: number;
                }[];
                countedOffers: {
                    id: string;
                    name: string;
                    /** @enum {unknown} */
                    listingType: "list" | "trial" | "consulting" | "transact";
                    publisherProfileId: string;
                    /**
                     * @description US dollars as an exact decimal string
                     * @example 1234.56
                     */
                    billedSalesTtmUsd: string;
                }[];
                excludedSales: {
                    /** @enum {unknown} */
                    status: "refunded" | "cancelled" | "fraudulent";
                    lines: number;
                    /**
                     * @description US dollars as an exact decimal string
                     * @example 1234.56
                     */
                    amountUsd: string;
                    reason: string;
                }[];
            };
        };
        Benefit: {
            /** Format: uuid */
            id: string;
            code: string;
            /** @enum {unknown} */
            category: "sales-marketing" | "technical" | "sponsorship";
            name: string;
            description: string;
            /** @enum {unknown} */
            status: "available" | "activated" | "in-progress" | "completed" | "expired" | "revoked";
            statusReason: string;
            offerId: string | null;
            tierCode: string | null;
            /** Format: date-time */
            unlockedAt: string;
            expiresAt: string | null;
            quantities: {
                [key: string]: string | number;
            };
            /** @description What the caller may do with this benefit */
            abilities: {
                activate: boolean;
            };
        };
        MarketingContact: {
            /** @description Null once the user is no longer in the account */
            userId: string | null;
            displayName: string;
            email: string;
            /** @description The user was removed, or left with their tenant: assign a new contact before activating a benefit */
            needsReassignment: boolean;
            /** @description E.164, e.g. +31201234567 */
            phone: string;
            /** @description The number as it is shown: +31 20 123 4567 */
            phoneDisplay: string;
            /** @description ISO 3166 country of the number, e.g. NL */
            phoneCountry: string | null;
            /** @enum {unknown} */
            preferredLanguage: "en-US" | "nl-NL";
            /** Format: date-time */
            updatedAt: string;
        };
        Activation: {
            /** Format: uuid */
            id: string;
            /** Format: uuid */
            benefitId: string;
            benefitCode: string;
            /** Format: date-time */
            activatedAt: string;
            activatedBy: string | null;
            /** Format: date-time */
            dueAt: string;
            contactEmail: string;
            /** @enum {unknown} */
            status: "open" | "contacted";
            contactedAt: string | null;
        };
        TeamActivation: {
            /** Format: uuid */
            id: string;
            partnerName: string;
            mpnId: string;
            benefitCode: string;
            /** Format: date-time */
            activatedAt: string;
            /** Format: date-time */
            dueAt: string;
            contactEmail: string;
            /** @enum {unknown} */
            contactLanguage: "en-US" | "nl-NL";
            /** @enum {unknown} */
            status: "open" | "contacted";
            contactedAt: string | null;
            contactedNote: string | null;
            escalatedAt: string | null;
            overdue: boolean;
        };
        TechnicalRequestSummary: {
            /** Format: uuid */
            id: string;
            /** @description TR-1001: what to quote on the phone */
            reference: string;
            /** Format: uuid */
            benefitId: string;
            /** @enum {unknown} */
            phase: "presales" | "design" | "deployment" | "app-development";
            /** @enum {unknown} */
            solutionType: "cloud" | "hybrid";
            offerId: string;
            offerName: string;
            title: string;
            /** @enum {unknown} */
            status: "submitted" | "in-review" | "action-required" | "scheduled" | "completed" | "declined" | "cancelled";
            revision: number;
            scheduledAt: string | null;
            /** Format: date-time */
            createdAt: string;
            /** Format: date-time */
            updatedAt: string;
            abilities: {
                edit: boolean;
                answer: boolean;
                cancel: boolean;
                message: boolean;
                attach: boolean;
            };
        };
        Attachment: {
            /** Format: uuid */
            id: string;
            fileName: string;
            /** @enum {unknown} */
            mediaType: "application/pdf" | "image/png" | "image/jpeg" | "text/plain";
            sizeBytes: number;
            /** @enum {unknown} */
            uploadedBy: "user" | "operator";
            /** Format: date-time */
            createdAt: string;
        };
        TechnicalRequest: {
            /** Format: uuid */
            id: string;
            /** @description TR-1001: what to quote on the phone */
            reference: string;
            /** Format: uuid */
            benefitId: string;
            /** @enum {unknown} */
            phase: "presales" | "design" | "deployment" | "app-development";
            /** @enum {unknown} */
            solutionType: "cloud" | "hybrid";
            offerId: string;
            offerName: string;
            title: string;
            /** @enum {unknown} */
            status: "submitted" | "in-review" | "action-required" | "scheduled" | "completed" | "declined" | "cancelled";
            revision: number;
            scheduledAt: string | null;
            /** Format: date-time */
            createdAt: string;
            /** Format: date-time */
            updatedAt: string;
            abilities: {
                edit: boolean;
                answer: boolean;
                cancel: boolean;
                message: boolean;
                attach: boolean;
            };
            benefitName: string;
            reserved: {
                quantity: number;
                /** @enum {unknown} */
                unit: "hours" | "requests";
            };
            description: string;
            contact: {
                userId: string | null;
                name: string;
                email: string;
                phone: string;
                phoneDisplay: string;
                /** @enum {unknown} */
                preferredLanguage: "en-US" | "nl-NL";
            };
            timeZone: string;
            history: {
                /** Format: date-time */
                occurredAt: string;
                from: ("submitted" | "in-review" | "action-required" | "scheduled" | "completed" | "declined" | "cancelled") | null;
                /** @enum {unknown} */
                to: "submitted" | "in-review" | "action-required" | "scheduled" | "completed" | "declined" | "cancelled";
                /** @enum {unknown} */
                actorType: "user" | "operator" | "system";
                reason: string | null;
            }[];
            messages: {
                /** Format: uuid */
                id: string;
                /** @enum {unknown} */
                authorType: "user" | "operator";
                authorName: string;
                body: string;
                /** Format: date-time */
                createdAt: string;
            }[];
            attachments: components["schemas"]["Attachment"][];
        };
        TeamTechnicalRequest: {
            /** Format: uuid */
            id: string;
            /** @description TR-1001: what to quote on the phone */
            reference: string;
            /** Format: uuid */
            benefitId: string;
            /** @enum {unknown} */
            phase: "presales" | "design" | "deployment" | "app-development";
            /** @enum {unknown} */
            solutionType: "cloud" | "hybrid";
            offerId: string;
            offerName: string;
            title: string;
            /** @enum {unknown} */
            status: "submitted" | "in-review" | "action-required" | "scheduled" | "completed" | "declined" | "cancelled";
            revision: number;
            scheduledAt: string | null;
            /** Format: date-time */
            createdAt: string;
            /** Format: date-time */
            updatedAt: string;
            abilities: {
                edit: boolean;
                answer: boolean;
                cancel: boolean;
                message: boolean;
                attach: boolean;
            };
            benefitName: string;
            reserved: {
                quantity: number;
                /** @enum {unknown} */
                unit: "hours" | "requests";
            };
            description: string;
            contact: {
                userId: string | null;
                name: string;
                email: string;
                phone: string;
                phoneDisplay: string;
                /** @enum {unknown} */
                preferredLanguage: "en-US" | "nl-NL";
            };
            timeZone: string;
            history: {
                /** Format: date-time */
                occurredAt: string;
                from: ("submitted" | "in-review" | "action-required" | "scheduled" | "completed" | "declined" | "cancelled") | null;
                /** @enum {unknown} */
                to: "submitted" | "in-review" | "action-required" | "scheduled" | "completed" | "declined" | "cancelled";
                /** @enum {unknown} */
                actorType: "user" | "operator" | "system";
                reason: string | null;
            }[];
            messages: {
                /** Format: uuid */
                id: string;
                /** @enum {unknown} */
                authorType: "user" | "operator";
                authorName: string;
                body: string;
                /** Format: date-time */
                createdAt: string;
            }[];
            attachments: components["schemas"]["Attachment"][];
            /** @description Where the team may move it from here */
            moves: ("submitted" | "in-review" | "action-required" | "scheduled" | "completed" | "declined" | "cancelled")[];
        };
        TeamTechnicalRequestSummary: {
            /** Format: uuid */
            id: string;
            /** @description TR-1001: what to quote on the phone */
            reference: string;
            /** Format: uuid */
            benefitId: string;
            /** @enum {unknown} */
            phase: "presales" | "design" | "deployment" | "app-development";
            /** @enum {unknown} */
            solutionType: "cloud" | "hybrid";
            offerId: string;
            offerName: string;
            title: string;
            /** @enum {unknown} */
            status: "submitted" | "in-review" | "action-required" | "scheduled" | "completed" | "declined" | "cancelled";
            revision: number;
            scheduledAt: string | null;
            /** Format: date-time */
            createdAt: string;
            /** Format: date-time */
            updatedAt: string;
            abilities: {
                edit: boolean;
                answer: boolean;
                cancel: boolean;
                message: boolean;
                attach: boolean;
            };
            partnerName: string;
            mpnId: string;
            contactEmail: string;
            moves: ("submitted" | "in-review" | "action-required" | "scheduled" | "completed" | "declined" | "cancelled")[];
        };
        TechnicalBenefit: {
            /** Format: uuid */
            id: string;
            code: string;
            name: string;
            description: string;
            /** @description The phases a request on this benefit may be in */
            phases: ("presales" | "design" | "deployment" | "app-development")[];
            /** @enum {unknown} */
            status: "available" | "activated" | "in-progress" | "completed" | "expired" | "revoked";
            /** @enum {unknown} */
            unit: "hours" | "requests";
            total: number;
            /** @description What one request reserves */
            perRequest: number;
            /** @description Held by open requests */
            reserved: number;
            /** @description Used by completed requests */
            used: number;
            remaining: number;
            /** Format: date-time */
            unlockedAt: string;
            expiresAt: string | null;
            abilities: {
                request: boolean;
            };
        };
        Sponsorship: {
            /** Format: uuid */
            id: string;
            /** Format: uuid */
            benefitId: string;
            code: string;
            name: string;
            /**
             * @description US dollars as an exact decimal string
             * @example 1234.56
             */
            amountUsd: string;
            /** @description What is left, exact: 0.00 once expired or revoked */
            remainingUsd: string;
            termMonths: number;
            /** @enum {unknown} */
            status: "unlocked" | "requested" | "active" | "exhausted" | "expired" | "revoked";
            statusReason: string | null;
            /** Format: date-time */
            unlockedAt: string;
            requestedAt: string | null;
            subscriptionId: string | null;
            billingType: string | null;
            activeFrom: string | null;
            /** @description Before it is active: the day to request it by; then the end of its term */
            expiresAt: string | null;
            revision: number;
            abilities: {
                requestProvisioning: boolean;
            };
        };
        TeamSponsorship: {
            /** Format: uuid */
            id: string;
            /** Format: uuid */
            benefitId: string;
            code: string;
            name: string;
            /**
             * @description US dollars as an exact decimal string
             * @example 1234.56
             */
            amountUsd: string;
            /** @description What is left, exact: 0.00 once expired or revoked */
            remainingUsd: string;
            termMonths: number;
            /** @enum {unknown} */
            status: "unlocked" | "requested" | "active" | "exhausted" | "expired" | "revoked";
            statusReason: string | null;
            /** Format: date-time */
            unlockedAt: string;
            requestedAt: string | null;
            subscriptionId: string | null;
            billingType: string | null;
            activeFrom: string | null;
            /** @description Before it is active: the day to request it by; then the end of its term */
            expiresAt: string | null;
            revision: number;
            abilities: {
                requestProvisioning: boolean;
            };
            partnerName: string;
            mpnId: string;
        };
        BillingType: {
            code: string;
            name: string;
            allowed: boolean;
            refusal: string | null;
        };
        SponsorshipLedgerEntry: {
            id: string;
            /** @description Null for usage no credit covered (billed normally) */
            sponsorshipId: string | null;
            /** @enum {unknown} */
            kind: "credit" | "usage" | "uncovered";
            /** @description Credits positive, usage negative */
            amountUsd: string;
            /** @description The credit's balance after this entry */
            balanceUsd: string | null;
            usageLineId: string | null;
            subscriptionId: string | null;
            usedAt: string | null;
            /** Format: date-time */
            occurredAt: string;
        };
        AuditEvent: {
            /** Format: uuid */
            id: string;
            /** Format: date-time */
            occurredAt: string;
            actor: {
                /** @enum {unknown} */
                type: "user" | "operator" | "system";
                id: string | null;
                name: string | null;
            };
            partner: {
                /** Format: uuid */
                id: string;
                name: string;
                mpnId: string;
            } | null;
            action: string;
            subjectType: string | null;
            subjectId: string | null;
            details: {
                [key: string]: unknown;
            };
            requestId: string | null;
        };
        PartnerFile: {
            account: {
                /** Format: uuid */
                id: string;
                name: string;
                mpnId: string;
                companyEmail: string;
                /** Format: date-time */
                createdAt: string;
            };
            tenants: {
                /** Format: uuid */
                id: string;
                domain: string;
                name: string;
                primary: boolean;
                associatedAt: string | null;
            }[];
            users: {
                /** Format: uuid */
                id: string;
                username: string;
                displayName: string;
                email: string;
                roles: ("global-admin" | "account-admin" | "mpn-partner-admin" | "admin-agent" | "user")[];
                tenant: string;
            }[];
            profiles: {
                id: string;
                name: string;
                offers: {
                    id: string;
                    name: string;
                    listingType: string;
                    status: string;
                    liveAt: string | null;
                }[];
            }[];
            salesByMonth: {
                /** @description YYYY-MM (UTC) */
                month: string;
                /** @description US dollars, exact */
                billedUsd: string;
                /** @description US dollars, exact */
                excludedUsd: string;
                lines: number;
            }[];
            standing: {
                tierCode: string | null;
                tierName: string | null;
                /** @description US dollars, exact */
                billedTtmUsd: string;
                /** Format: date-time */
                computedAt: string;
            } | null;
            entitlements: {
                /** Format: uuid */
                id: string;
                code: string;
                name: string;
                category: string;
                status: string;
                reason: string;
                /** Format: date-time */
                unlockedAt: string;
                expiresAt: string | null;
                history: {
                    /** Format: date-time */
                    at: string;
                    from: string | null;
                    to: string;
                    reason: string;
                }[];
            }[];
            marketingContact: {
                email: string;
                phone: string;
                /** @enum {unknown} */
                language: "en-US" | "nl-NL";
                name: string | null;
                /** Format: date-time */
                updatedAt: string;
            } | null;
            engagementManager: {
                /** Format: uuid */
                id: string;
                name: string;
                /** @description false: her account is disabled, so the partner's work is unassigned until another is named */
                active: boolean;
                /** Format: date-time */
                namedAt: string;
            } | null;
            activations: {
                /** Format: uuid */
                id: string;
                benefitCode: string;
                /** Format: date-time */
                activatedAt: string;
                /** Format: date-time */
                dueAt: string;
                status: string;
                contactedAt: string | null;
            }[];
            technicalRequests: {
                /** Format: uuid */
                id: string;
                reference: string;
                title: string;
                status: string;
                phase: string;
                /** Format: date-time */
                createdAt: string;
            }[];
            sponsorships: {
                /** Format: uuid */
                id: string;
                benefitCode: string;
                /** @description US dollars, exact */
                amountUsd: string;
                /** @description US dollars, exact */
                remainingUsd: string;
                status: string;
                expiresAt: string | null;
                subscriptionId: string | null;
            }[];
        };
        OperatorAccount: {
            /** Format: uuid */
            id: string;
            username: string;
            displayName: string;
            email: string;
            /** @enum {unknown} */
            role: "rewards-agent" | "rewards-manager" | "operator-admin";
            managerId: string | null;
            locale: ("en-US" | "nl-NL") | null;
            /** @description Whether the second factor is enrolled (at the first sign-in) */
            enrolled: boolean;
            disabledAt: string | null;
            /** Format: date-time */
            createdAt: string;
        };
        WorkItem: {
            /** @enum {unknown} */
            kind: "activation" | "technical-request" | "sponsorship";
            /** Format: uuid */
            id: string;
            /** @description A technical request's TR- reference */
            reference: string | null;
            /** @enum {unknown} */
            state: "open" | "submitted" | "in-review" | "action-required" | "scheduled" | "requested";
            partner: {
                /** Format: uuid */
                id: string;
                name: string;
                /** @description Digits only */
                mpnId: string;
            };
            benefit: {
                code: string;
                name: string;
            };
            contactEmail: string;
            /** Format: date-time */
            openedAt: string;
            /** Format: date-time */
            dueAt: string;
            overdue: boolean;
            /** @description Until the item is due; negative once overdue */
            secondsLeft: number;
            assignee: {
                /** Format: uuid */
                id: string;
                name: string;
                /** @description true: the partner's engagement manager, by default (the item has no assignment of its own) */
                engagementManager: boolean;
            } | null;
            assignedAt: string | null;
            lastContactAt: string | null;
        };
        WorkContact: {
            /** Format: uuid */
            id: string;
            /** @enum {unknown} */
            kind: "activation" | "technical-request" | "sponsorship";
            /** Format: uuid */
            itemId: string;
            /** @enum {unknown} */
            channel: "email" | "phone" | "meeting" | "chat" | "other";
            note: string;
            /** Format: date-time */
            contactedAt: string;
            recordedBy: string;
        };
        TeamMember: {
            /** Format: uuid */
            id: string;
            displayName: string;
            email: string;
            /** @enum {unknown} */
            role: "rewards-agent" | "rewards-manager" | "operator-admin";
        };
        WorkDashboard: {
            window: {
                /** Format: date-time */
                from: string;
                /** Format: date-time */
                to: string;
                days: number;
            };
            timeZone: string;
            overall: {
                /** @description Open items */
                open: number;
                /** @description Due before the end of the day in `timeZone`, not yet overdue */
                dueToday: number;
                overdue: number;
                /** @description Activations in the window */
                activations: number;
                /** @description Of those, contacted */
                contacted: number;
                contactedWithinWeek: number;
                /** @description Contacted, or a week old without a contact */
                decided: number;
                /** @description contactedWithinWeek / decided (null: nothing decided yet) */
                withinWeekShare: number | null;
                /** @description Of the contacted ones (null: none contacted) */
                medianSecondsToFirstContact: number | null;
            };
            agents: {
                /** @description null: nobody (unassigned, or contacted outside the console) */
                operator: {
                    /** Format: uuid */
                    id: string;
                    name: string;
                } | null;
                /** @description Open items */
                open: number;
                /** @description Due before the end of the day in `timeZone`, not yet overdue */
                dueToday: number;
                overdue: number;
                /** @description Activations in the window */
                activations: number;
                /** @description Of those, contacted */
                contacted: number;
                contactedWithinWeek: number;
                /** @description Contacted, or a week old without a contact */
                decided: number;
                /** @description contactedWithinWeek / decided (null: nothing decided yet) */
                withinWeekShare: number | null;
                /** @description Of the contacted ones (null: none contacted) */
                medianSecondsToFirstContact: number | null;
            }[];
        };
        ActiveProgram: {
            version: number;
            name: string;
            notes: string | null;
            checksum: string;
            /** Format: date-time */
            loadedAt: string;
            loadedBy: string | null;
            tiers: {
                code: string;
                name: string;
                /**
                 * @description US dollars as an exact decimal string
                 * @example 1234.56
                 */
                minBilledSalesUsd: string;
            }[];
            benefits: {
                code: string;
                name: string;
                /** @enum {unknown} */
                category: "sales-marketing" | "technical" | "sponsorship";
                unlock: {
                    tier: string;
                } | {
                    listingType: string;
                };
                recurrence: string;
            }[];
            recompute: {
                /** @description Partners whose standing is still to be recomputed (after a load, it falls to 0) */
                pending: number;
            };
        };
        ProgramVersion: {
            version: number;
            name: string;
            checksum: string;
            /** Format: date-time */
            loadedAt: string;
            loadedBy: string | null;
        };
        ProgramPreview: {
            /** @description Send it back as basedOnVersion to load this definition */
            basedOnVersion: number | null;
            /** @description The definition is the version in force: loading it changes nothing */
            identical: boolean;
            definition: {
                tiersAdded: {
                    code: string;
                    name: string;
                }[];
                tiersRemoved: {
                    code: string;
                    name: string;
                }[];
                thresholdsChanged: {
                    code: string;
                    name: string;
                    /**
                     * @description US dollars as an exact decimal string
                     * @example 1234.56
                     */
                    fromUsd: string;
                    /**
                     * @description US dollars as an exact decimal string
                     * @example 1234.56
                     */
                    toUsd: string;
                }[];
                benefitsAdded: {
                    code: string;
                    name: string;
                }[];
                benefitsRemoved: {
                    code: string;
                    name: string;
                }[];
            };
            partners: {
                total: number;
                tierUp: number;
                tierDown: number;
                gaining: number;
                losing: number;
                unchanged: number;
                /** @description Partners whose stored standing awaits a recomputation: their figures may miss a recent change */
                staleStandings: number;
            };
            benefits: {
                code: string;
                name: string;
                gaining: number;
                losing: number;
            }[];
            /** @description The first 200 partners whose tier or benefits change, by name */
            affected: {
                mpnId: string;
                name: string;
                tierFrom: {
                    code: string;
                    name: string;
                } | null;
                tierTo: {
                    code: string;
                    name: string;
                } | null;
                gained: string[];
                lost: string[];
            }[];
            affectedTotal: number;
        };
    };
    responses: never;
    parameters: never;
    requestBodies: never;
    headers: never;
    pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
    getHealth: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @enum {string} */
                        status: "ok";
                    };
                };
            };
            /** @description Error; `error.code` is one of: `BAD_REQUEST` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Error; `error.code` is one of: `INTERNAL` */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    getReadiness: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @enum {string} */
                        status: "ready";
                        engine: string;
                        /** @enum {unknown} */
                        changeFeed: "listening" | "lost" | "in-process";
                        outbox: {
                            waiting: number;
                            oldestWaitingSeconds: number | null;
                        };
                    };
                };
            };
            /** @description Error; `error.code` is one of: `BAD_REQUEST` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Error; `error.code` is one of: `INTERNAL` */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @enum {string} */
                        status: "unavailable";
                        engine: string;
                        /** @enum {string} */
                        reason: "database";
                    };
                };
            };
        };
    };
    signIn: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    username: string;
                    password: string;
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    /** @description `rewards_session` (the session, HttpOnly) and `rewards_csrf` (the CSRF token for `x-csrf-token`), SameSite=Lax, Secure over https */
                    "set-cookie"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SignedIn"];
                };
            };
            /** @description Default Response */
            202: {
                headers: {
                    /** @description `rewards_operator_pending`: the sign-in waiting for its second factor (HttpOnly, SameSite=Strict, only sent to /api/v1/auth/operator) */
                    "set-cookie"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OperatorSecondFactorNeeded"];
                };
            };
            /** @description Error; `error.code` is one of: `BAD_REQUEST` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Error; `error.code` is one of: `INVALID_CREDENTIALS` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Error; `error.code` is one of: `FORBIDDEN` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Error; `error.code` is one of: `PAYLOAD_TOO_LARGE` */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Error; `error.code` is one of: `UNSUPPORTED_MEDIA_TYPE` */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Error; `error.code` is one of: `VALIDATION_FAILED` */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Error; `error.code` is one of: `TOO_MANY_ATTEMPTS` */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "retry-after"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Error; `error.code` is one of: `INTERNAL` */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Error; `error.code` is one of: `DATABASE_UNAVAILABLE` */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "retry-after"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    completeOperatorSignIn: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description The authenticator app's current six-digit code */
                    code?: string;
                    /** @description One of the recovery codes shown at enrollment (each works once) */
                    recoveryCode?: string;
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    /** @description `rewards_session` (the session, HttpOnly) and `rewards_csrf` (the CSRF token for `x-csrf-token`), SameSite=Lax, Secure over https */
                    "set-cookie"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OperatorSignedIn"];
                };
            };
            /** @description Error; `error.code` is one of: `BAD_REQUEST` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Error; `error.code` is one of: `SECOND_FACTOR_INVALID`, `UNAUTHENTICATED` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Error; `error.code` is one of: `FORBIDDEN` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Error; `error.code` is one of: `PAYLOAD_TOO_LARGE` */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Error; `error.code` is one of: `UNSUPPORTED_MEDIA_TYPE` */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Error; `error.code` is one of: `VALIDATION_FAILED` */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Error; `error.code` is one of: `TOO_MANY_ATTEMPTS` */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "retry-after"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Error; `error.code` is one of: `INTERNAL` */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Error; `error.code` is one of: `DATABASE_UNAVAILABLE` */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "retry-after"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    signOut: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            204: {
                headers: {
                    /** @description Clears `rewards_session` and `rewards_csrf` */
                    "set-cookie"?: string;
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Error; `error.code` is one of: `BAD_REQUEST` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Error; `error.code` is one of: `UNAUTHENTICATED` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Error; `error.code` is one of: `CSRF_TOKEN_INVALID` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Error; `error.code` is one of: `INTERNAL` */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Error; `error.code` is one of: `DATABASE_UNAVAILABLE` */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "retry-after"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    signOutEverywhere: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            204: {
                headers: {
                    /** @description Clears `rewards_session` and `rewards_csrf` */
                    "set-cookie"?: string;
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Error; `error.code` is one of: `BAD_REQUEST` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Error; `error.code` is one of: `UNAUTHENTICATED` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Error; `error.code` is one of: `CSRF_TOKEN_INVALID` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Error; `error.code` is one of: `INTERNAL` */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Error; `error.code` is one of: `DATABASE_UNAVAILABLE` */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "retry-after"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    changeOwnPassword: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    currentPassword: string;
                    newPassword: string;
                };
            };
        };
        responses: {
            /** @description Default Response */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Error; `error.code` is one of: `BAD_REQUEST` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Error; `error.code` is one of: `UNAUTHENTICATED` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Error; `error.code` is one of: `CSRF_TOKEN_INVALID` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Error; `error.code` is one of: `PAYLOAD_TOO_LARGE` */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Error; `error.code` is one of: `UNSUPPORTED_MEDIA_TYPE` */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Error; `error.code` is one of: `VALIDATION_FAILED` */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Error; `error.code` is one of: `TOO_MANY_ATTEMPTS` */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "retry-after"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Error; `error.code` is one of: `INTERNAL` */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Error; `error.code` is one of: `DATABASE_UNAVAILABLE` */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "retry-after"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    getMe: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SignedIn"];
                };
            };
            /** @description Error; `error.code` is one of: `BAD_REQUEST` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Error; `error.code` is one of: `UNAUTHENTICATED` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Error; `error.code` is one of: `INTERNAL` */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Error; `error.code` is one of: `DATABASE_UNAVAILABLE` */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "retry-after"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    updateMe: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    locale: ("en-US" | "nl-NL") | null;
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SignedIn"];
                };
            };
            /** @description Error; `error.code` is one of: `BAD_REQUEST` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Error; `error.code` is one of: `UNAUTHENTICATED` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Error; `error.code` is one of: `CSRF_TOKEN_INVALID` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Error; `error.code` is one of: `PAYLOAD_TOO_LARGE` */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Error; `error.code` is one of: `UNSUPPORTED_MEDIA_TYPE` */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Error; `error.code` is one of: `VALIDATION_FAILED` */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Error; `error.code` is one of: `INTERNAL` */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Error; `error.code` is one of: `DATABASE_UNAVAILABLE` */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "retry-after"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    getOperatorMe: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @enum {string} */
                        kind: "operator";
                        operator: components["schemas"]["Operator"];
                    } | {
                        /** @enum {string} */
                        kind: "token";
                        name: string;
                        /** @enum {string} */
                        role: "operator-admin";
                    };
                };
            };
            /** @description Error; `error.code` is one of: `BAD_REQUEST` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Error; `error.code` is one of: `UNAUTHENTICATED` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Error; `error.code` is one of: `FORBIDDEN` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Error; `error.code` is one of: `INTERNAL` */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Error; `error.code` is one of: `DATABASE_UNAVAILABLE` */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "retry-after"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    listOperatorTokens: {
        parameters: {
            query?: {
                /** @description Items per page (at most 200) */
                limit?: number;
                /** @description The previous page's `nextCursor` */
                cursor?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: components["schemas"]["OperatorToken"][];
                        /** @description Pass as `cursor` for the next page; null on the last page */
                        nextCursor: string | null;
                    };
                };
            };
            /** @description Error; `error.code` is one of: `BAD_REQUEST` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Error; `error.code` is one of: `UNAUTHENTICATED` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Error; `error.code` is one of: `FORBIDDEN` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Error; `error.code` is one of: `VALIDATION_FAILED` */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Error; `error.code` is one of: `INTERNAL` */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Error; `error.code` is one of: `DATABASE_UNAVAILABLE` */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "retry-after"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    createOperatorToken: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description Letters, digits, . _ - */
                    name: string;
                    /** @description After this instant the token is refused; null or absent: no expiry */
                    expiresAt?: string | null;
                };
            };
        };
        responses: {
            /** @description Default Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** Format: uuid */
                        id: string;
                        name: string;
                        token: string;
                        expiresAt: string | null;
                    };
                };
            };
            /** @description Error; `error.code` is one of: `BAD_REQUEST` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Error; `error.code` is one of: `UNAUTHENTICATED` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Error; `error.code` is one of: `CSRF_TOKEN_INVALID`, `FORBIDDEN` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Error; `error.code` is one of: `PAYLOAD_TOO_LARGE` */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Error; `error.code` is one of: `UNSUPPORTED_MEDIA_TYPE` */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Error; `error.code` is one of: `VALIDATION_FAILED` */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Error; `error.code` is one of: `INTERNAL` */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Error; `error.code` is one of: `DATABASE_UNAVAILABLE` */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "retry-after"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    revokeOperatorToken: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Error; `error.code` is one of: `BAD_REQUEST` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Error; `error.code` is one of: `UNAUTHENTICATED` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Error; `error.code` is one of: `CSRF_TOKEN_INVALID`, `FORBIDDEN` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Error; `error.code` is one of: `NOT_FOUND` */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Error; `error.code` is one of: `VALIDATION_FAILED` */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Error; `error.code` is one of: `INTERNAL` */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Error; `error.code` is one of: `DATABASE_UNAVAILABLE` */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "retry-after"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    getRewardsVisibilityHelp: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        visible: boolean;
                        checks: {
                            /** @enum {unknown} */
                            code: "TENANT_ASSOCIATED" | "REWARDS_ROLE";
                            ok: boolean;
                            title: string;
                            explanation: string;
                            steps: string[];
                        }[];
                    };
                };
            };
            /** @description Error; `error.code` is one of: `BAD_REQUEST` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Error; `error.code` is one of: `UNAUTHENTICATED` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Error; `error.code` is one of: `INTERNAL` */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Error; `error.code` is one of: `DATABASE_UNAVAILABLE` */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "retry-after"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    listAccountUsers: {
        parameters: {
            query?: {
                /** @description Items per page (at most 200) */
                limit?: number;
                /** @description The previous page's `nextCursor` */
                cursor?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: components["schemas"]["AccountUser"][];
                        /** @description Pass as `cursor` for the next page; null on the last page */
                        nextCursor: string | null;
                        /** @description What the caller may do on the account settings pages */
                        abilities: {
                            addUser: boolean;
                            associateTenant: boolean;
                            grantableRoles: ("global-admin" | "account-admin" | "mpn-partner-admin" | "admin-agent" | "user")[];
                        };
                    };
                };
            };
            /** @description Error; `error.code` is one of: `BAD_REQUEST` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Error; `error.code` is one of: `UNAUTHENTICATED` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Error; `error.code` is one of: `FORBIDDEN`, `NO_PARTNER_ACCOUNT` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Error; `error.code` is one of: `VALIDATION_FAILED` */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Error; `error.code` is one of: `INTERNAL` */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Error; `error.code` is one of: `DATABASE_UNAVAILABLE` */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "retry-after"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    addAccountUser: {
        parameters: {
            query?: never;
            header?: {
                /** @description Any unique string (a UUID, say) of visible ASCII characters. Sent again with the same request within 24 hours, it answers with the first answer (header `Idempotent-Replayed: true`) and creates nothing. */
                "idempotency-key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** Format: uuid */
                    tenantId: string;
                    /** @description Sign-in name: name@tenant-domain (or only the name, within a known tenant) */
                    username: string;
                    displayName: string;
                    /** Format: email */
                    email: string;
                    password: string;
                    roles: ("global-admin" | "account-admin" | "mpn-partner-admin" | "admin-agent" | "user")[];
                };
            };
        };
        responses: {
            /** @description Default Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AccountUser"];
                };
            };
            /** @description Error; `error.code` is one of: `BAD_REQUEST` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Error; `error.code` is one of: `UNAUTHENTICATED` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Error; `error.code` is one of: `CSRF_TOKEN_INVALID`, `FORBIDDEN`, `NO_PARTNER_ACCOUNT` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Error; `error.code` is one of: `NOT_FOUND` */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Error; `error.code` is one of: `USERNAME_TAKEN` */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Error; `error.code` is one of: `PAYLOAD_TOO_LARGE` */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Error; `error.code` is one of: `UNSUPPORTED_MEDIA_TYPE` */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Error; `error.code` is one of: `IDEMPOTENCY_KEY_REUSED`, `VALIDATION_FAILED` */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Error; `error.code` is one of: `INTERNAL` */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Error; `error.code` is one of: `DATABASE_UNAVAILABLE` */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "retry-after"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    removeAccountUser: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Error; `error.code` is one of: `BAD_REQUEST` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Error; `error.code` is one of: `UNAUTHENTICATED` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Error; `error.code` is one of: `CSRF_TOKEN_INVALID`, `FORBIDDEN`, `NO_PARTNER_ACCOUNT` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Error; `error.code` is one of: `NOT_FOUND` */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Error; `error.code` is one of: `CANNOT_REMOVE_SELF` */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Error; `error.code` is one of: `VALIDATION_FAILED` */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Error; `error.code` is one of: `INTERNAL` */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Error; `error.code` is one of: `DATABASE_UNAVAILABLE` */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "retry-after"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    updateAccountUser: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    roles?: ("global-admin" | "account-admin" | "mpn-partner-admin" | "admin-agent" | "user")[];
                    displayName?: string;
                    /** Format: email */
                    email?: string;
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AccountUser"];
                };
            };
            /** @description Error; `error.code` is one of: `BAD_REQUEST` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Error; `error.code` is one of: `UNAUTHENTICATED` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Error; `error.code` is one of: `CSRF_TOKEN_INVALID`, `FORBIDDEN`, `NO_PARTNER_ACCOUNT` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Error; `error.code` is one of: `NOT_FOUND` */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Error; `error.code` is one of: `PAYLOAD_TOO_LARGE` */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Error; `error.code` is one of: `UNSUPPORTED_MEDIA_TYPE` */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Error; `error.code` is one of: `VALIDATION_FAILED` */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Error; `error.code` is one of: `INTERNAL` */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Error; `error.code` is one of: `DATABASE_UNAVAILABLE` */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "retry-after"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    resetAccountUserPassword: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    password: string;
                };
            };
        };
        responses: {
            /** @description Default Response */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Error; `error.code` is one of: `BAD_REQUEST` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Error; `error.code` is one of: `UNAUTHENTICATED` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Error; `error.code` is one of: `CSRF_TOKEN_INVALID`, `FORBIDDEN`, `NO_PARTNER_ACCOUNT` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Error; `error.code` is one of: `NOT_FOUND` */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Error; `error.code` is one of: `CANNOT_RESET_OWN_PASSWORD` */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Error; `error.code` is one of: `PAYLOAD_TOO_LARGE` */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Error; `error.code` is one of: `UNSUPPORTED_MEDIA_TYPE` */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Error; `error.code` is one of: `VALIDATION_FAILED` */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Error; `error.code` is one of: `INTERNAL` */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Error; `error.code` is one of: `DATABASE_UNAVAILABLE` */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "retry-after"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    listAccountTenants: {
        parameters: {
            query?: {
                /** @description Items per page (at most 200) */
                limit?: number;
                /** @description The previous page's `nextCursor` */
                cursor?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: components["schemas"]["Tenant"][];
                        /** @description Pass as `cursor` for the next page; null on the last page */
                        nextCursor: string | null;
                        /** @description What the caller may do on the account settings pages */
                        abilities: {
                            addUser: boolean;
                            associateTenant: boolean;
                            grantableRoles: ("global-admin" | "account-admin" | "mpn-partner-admin" | "admin-agent" | "user")[];
                        };
                    };
                };
            };
            /** @description Error; `error.code` is one of: `BAD_REQUEST` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Error; `error.code` is one of: `UNAUTHENTICATED` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Error; `error.code` is one of: `FORBIDDEN`, `NO_PARTNER_ACCOUNT` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Error; `error.code` is one of: `VALIDATION_FAILED` */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Error; `error.code` is one of: `INTERNAL` */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Error; `error.code` is one of: `DATABASE_UNAVAILABLE` */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "retry-after"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    associateTenant: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description Sign-in name: name@tenant-domain (or only the name, within a known tenant) */
                    username: string;
                    password: string;
                };
            };
        };
        responses: {
            /** @description Default Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Tenant"];
                };
            };
            /** @description Error; `error.code` is one of: `BAD_REQUEST` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Error; `error.code` is one of: `INVALID_CREDENTIALS`, `UNAUTHENTICATED` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Error; `error.code` is one of: `CSRF_TOKEN_INVALID`, `FORBIDDEN`, `NO_PARTNER_ACCOUNT` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Error; `error.code` is one of: `NOT_FOUND` */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Error; `error.code` is one of: `TENANT_ALREADY_ASSOCIATED` */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Error; `error.code` is one of: `PAYLOAD_TOO_LARGE` */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Error; `error.code` is one of: `UNSUPPORTED_MEDIA_TYPE` */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Error; `error.code` is one of: `VALIDATION_FAILED` */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Error; `error.code` is one of: `TOO_MANY_ATTEMPTS` */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "retry-after"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Error; `error.code` is one of: `INTERNAL` */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Error; `error.code` is one of: `DATABASE_UNAVAILABLE` */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "retry-after"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    previewTenantRemoval: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        tenant: components["schemas"]["Tenant"];
                        /** @description How many users of the tenant lose access to the partner account and its program (every user of the tenant; their sessions end) */
                        userCount: number;
                        /** @description The first of them by name (at most 50; userCount counts them all) */
                        users: {
                            /** Format: uuid */
                            id: string;
                            displayName: string;
                            username: string;
                            /** @description Made by this partner account there: deleted with the association */
                            addedByAccount: boolean;
                        }[];
                        /** @description The account's marketing contact, when they are one of these users: the contact then waits for reassignment (no benefit can be activated until then) */
                        marketingContact: {
                            /** Format: uuid */
                            userId: string;
                            displayName: string;
                        } | null;
                    };
                };
            };
            /** @description Error; `error.code` is one of: `BAD_REQUEST` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Error; `error.code` is one of: `UNAUTHENTICATED` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Error; `error.code` is one of: `FORBIDDEN`, `NO_PARTNER_ACCOUNT` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Error; `error.code` is one of: `NOT_FOUND` */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Error; `error.code` is one of: `TENANT_IS_CURRENT`, `TENANT_IS_PRIMARY` */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Error; `error.code` is one of: `VALIDATION_FAILED` */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Error; `error.code` is one of: `INTERNAL` */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Error; `error.code` is one of: `DATABASE_UNAVAILABLE` */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "retry-after"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    removeTenantAssociation: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Error; `error.code` is one of: `BAD_REQUEST` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Error; `error.code` is one of: `UNAUTHENTICATED` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Error; `error.code` is one of: `CSRF_TOKEN_INVALID`, `FORBIDDEN`, `NO_PARTNER_ACCOUNT` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Error; `error.code` is one of: `NOT_FOUND` */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Error; `error.code` is one of: `TENANT_IS_CURRENT`, `TENANT_IS_PRIMARY` */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Error; `error.code` is one of: `VALIDATION_FAILED` */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Error; `error.code` is one of: `INTERNAL` */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Error; `error.code` is one of: `DATABASE_UNAVAILABLE` */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "retry-after"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    createTenant: {
        parameters: {
            query?: never;
            header?: {
                /** @description Any unique string (a UUID, say) of visible ASCII characters. Sent again with the same request within 24 hours, it answers with the first answer (header `Idempotent-Replayed: true`) and creates nothing. */
                "idempotency-key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    domain: string;
                    displayName: string;
                };
            };
        };
        responses: {
            /** @description Default Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: string;
                        domain: string;
                        displayName: string;
                    };
                };
            };
            /** @description Error; `error.code` is one of: `BAD_REQUEST` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Error; `error.code` is one of: `UNAUTHENTICATED` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Error; `error.code` is one of: `CSRF_TOKEN_INVALID`, `FORBIDDEN` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Error; `error.code` is one of: `DOMAIN_TAKEN` */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Error; `error.code` is one of: `PAYLOAD_TOO_LARGE` */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Error; `error.code` is one of: `UNSUPPORTED_MEDIA_TYPE` */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Error; `error.code` is one of: `IDEMPOTENCY_KEY_REUSED`, `VALIDATION_FAILED` */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Error; `error.code` is one of: `INTERNAL` */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Error; `error.code` is one of: `DATABASE_UNAVAILABLE` */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "retry-after"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    createPartnerAccount: {
        parameters: {
            query?: never;
            header?: {
                /** @description Any unique string (a UUID, say) of visible ASCII characters. Sent again with the same request within 24 hours, it answers with the first answer (header `Idempotent-Replayed: true`) and creates nothing. */
                "idempotency-key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    name: string;
                    /** @description Digits only */
                    mpnId: string;
                    /** Format: email */
                    companyEmail: string;
                    /** Format: uuid */
                    primaryTenantId: string;
                };
            };
        };
        responses: {
            /** @description Default Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PartnerAccount"];
                };
            };
            /** @description Error; `error.code` is one of: `BAD_REQUEST` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Error; `error.code` is one of: `UNAUTHENTICATED` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Error; `error.code` is one of: `CSRF_TOKEN_INVALID`, `FORBIDDEN` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Error; `error.code` is one of: `MPN_ID_TAKEN`, `TENANT_ALREADY_ASSOCIATED`, `TENANT_NOT_FOUND` */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Error; `error.code` is one of: `PAYLOAD_TOO_LARGE` */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Error; `error.code` is one of: `UNSUPPORTED_MEDIA_TYPE` */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Error; `error.code` is one of: `IDEMPOTENCY_KEY_REUSED`, `VALIDATION_FAILED` */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Error; `error.code` is one of: `INTERNAL` */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Error; `error.code` is one of: `DATABASE_UNAVAILABLE` */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "retry-after"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    createTenantUser: {
        parameters: {
            query?: never;
            header?: {
                /** @description Any unique string (a UUID, say) of visible ASCII characters. Sent again with the same request within 24 hours, it answers with the first answer (header `Idempotent-Replayed: true`) and creates nothing. */
                "idempotency-key"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description Sign-in name: name@tenant-domain (or only the name, within a known tenant) */
                    username: string;
                    displayName: string;
                    /** Format: email */
                    email: string;
                    password: string;
                    roles: ("global-admin" | "account-admin" | "mpn-partner-admin" | "admin-agent" | "user")[];
                };
            };
        };
        responses: {
            /** @description Default Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["User"];
                };
            };
            /** @description Error; `error.code` is one of: `BAD_REQUEST` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Error; `error.code` is one of: `UNAUTHENTICATED` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Error; `error.code` is one of: `CSRF_TOKEN_INVALID`, `FORBIDDEN` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Error; `error.code` is one of: `NOT_FOUND` */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Error; `error.code` is one of: `USERNAME_TAKEN` */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Error; `error.code` is one of: `PAYLOAD_TOO_LARGE` */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Error; `error.code` is one of: `UNSUPPORTED_MEDIA_TYPE` */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Error; `error.code` is one of: `IDEMPOTENCY_KEY_REUSED`, `VALIDATION_FAILED` */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Error; `error.code` is one of: `INTERNAL` */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Error; `error.code` is one of: `DATABASE_UNAVAILABLE` */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "retry-after"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    putPublisherProfile: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The marketplace's own id */
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    name: string;
                    /** @description Digits only */
                    mpnId: string;
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: string;
                        name: string;
                        mpnId: string;
                        created: boolean;
                    };
                };
            };
            /** @description Error; `error.code` is one of: `BAD_REQUEST` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Error; `error.code` is one of: `UNAUTHENTICATED` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Error; `error.code` is one of: `CSRF_TOKEN_INVALID`, `FORBIDDEN` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Error; `error.code` is one of: `NOT_FOUND` */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Error; `error.code` is one of: `PAYLOAD_TOO_LARGE` */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Error; `error.code` is one of: `UNSUPPORTED_MEDIA_TYPE` */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Error; `error.code` is one of: `VALIDATION_FAILED` */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Error; `error.code` is one of: `INTERNAL` */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Error; `error.code` is one of: `DATABASE_UNAVAILABLE` */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "retry-after"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    putOffer: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The marketplace's own id */
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description The marketplace's own id */
                    publisherProfileId: string;
                    name: string;
                    /** @enum {unknown} */
                    listingType: "list" | "trial" | "consulting" | "transact";
                    /** @enum {unknown} */
                    status: "draft" | "live" | "delisted";
                    liveAt: string | null;
                    delistedAt: string | null;
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: string;
                        name: string;
                        /** @enum {unknown} */
                        listingType: "list" | "trial" | "consulting" | "transact";
                        /** @enum {unknown} */
                        status: "draft" | "live" | "delisted";
                        publisherProfileId: string;
                        liveAt: string | null;
                        delistedAt: string | null;
                        created: boolean;
                    };
                };
            };
            /** @description Error; `error.code` is one of: `BAD_REQUEST` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Error; `error.code` is one of: `UNAUTHENTICATED` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Error; `error.code` is one of: `CSRF_TOKEN_INVALID`, `FORBIDDEN` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Error; `error.code` is one of: `NOT_FOUND` */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Error; `error.code` is one of: `PAYLOAD_TOO_LARGE` */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Error; `error.code` is one of: `UNSUPPORTED_MEDIA_TYPE` */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Error; `error.code` is one of: `VALIDATION_FAILED` */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Error; `error.code` is one of: `INTERNAL` */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Error; `error.code` is one of: `DATABASE_UNAVAILABLE` */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "retry-after"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    ingestBilledSales: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    items: {
                        /** @description The marketplace's own id */
                        id: string;
                        /** @description The marketplace's own id */
                        offerId: string;
                        /**
                         * @description US dollars as an exact decimal string
                         * @example 1234.56
                         */
                        amountUsd: string;
                        /** Format: date-time */
                        billedAt: string;
                        /** @enum {unknown} */
                        status: "billed" | "refunded" | "cancelled" | "fraudulent";
                    }[];
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        received: number;
                        inserted: number;
                        updated: number;
                        unchanged: number;
                        partnersAffected: number;
                    };
                };
            };
            /** @description Error; `error.code` is one of: `BAD_REQUEST` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Error; `error.code` is one of: `UNAUTHENTICATED` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Error; `error.code` is one of: `CSRF_TOKEN_INVALID`, `FORBIDDEN` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Error; `error.code` is one of: `PAYLOAD_TOO_LARGE` */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Error; `error.code` is one of: `UNSUPPORTED_MEDIA_TYPE` */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Error; `error.code` is one of: `VALIDATION_FAILED` */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Error; `error.code` is one of: `INTERNAL` */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Error; `error.code` is one of: `DATABASE_UNAVAILABLE` */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "retry-after"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    getRewardsSummary: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RewardsSummary"];
                };
            };
            /** @description Error; `error.code` is one of: `BAD_REQUEST` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Error; `error.code` is one of: `UNAUTHENTICATED` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Error; `error.code` is one of: `FORBIDDEN`, `NO_PARTNER_ACCOUNT` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Error; `error.code` is one of: `INTERNAL` */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Error; `error.code` is one of: `DATABASE_UNAVAILABLE` */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "retry-after"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    listBenefits: {
        parameters: {
            query?: {
                category?: "sales-marketing" | "technical" | "sponsorship";
                /** @description Items per page (at most 200) */
                limit?: number;
                /** @description The previous page's `nextCursor` */
                cursor?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: components["schemas"]["Benefit"][];
                        /** @description Pass as `cursor` for the next page; null on the last page */
                        nextCursor: string | null;
                    };
                };
            };
            /** @description Error; `error.code` is one of: `BAD_REQUEST` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Error; `error.code` is one of: `UNAUTHENTICATED` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Error; `error.code` is one of: `FORBIDDEN`, `NO_PARTNER_ACCOUNT` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Error; `error.code` is one of: `VALIDATION_FAILED` */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Error; `error.code` is one of: `INTERNAL` */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Error; `error.code` is one of: `DATABASE_UNAVAILABLE` */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "retry-after"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    getPartnerRewardsSummary: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Digits only */
                mpnId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RewardsSummary"];
                };
            };
            /** @description Error; `error.code` is one of: `BAD_REQUEST` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Error; `error.code` is one of: `UNAUTHENTICATED` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Error; `error.code` is one of: `FORBIDDEN` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Error; `error.code` is one of: `NOT_FOUND` */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Error; `error.code` is one of: `VALIDATION_FAILED` */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Error; `error.code` is one of: `INTERNAL` */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Error; `error.code` is one of: `DATABASE_UNAVAILABLE` */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "retry-after"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    listPartnerBenefits: {
        parameters: {
            query?: {
                category?: "sales-marketing" | "technical" | "sponsorship";
                /** @description Items per page (at most 200) */
                limit?: number;
                /** @description The previous page's `nextCursor` */
                cursor?: string;
            };
            header?: never;
            path: {
                /** @description Digits only */
                mpnId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: components["schemas"]["Benefit"][];
                        /** @description Pass as `cursor` for the next page; null on the last page */
                        nextCursor: string | null;
                    };
                };
            };
            /** @description Error; `error.code` is one of: `BAD_REQUEST` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Error; `error.code` is one of: `UNAUTHENTICATED` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Error; `error.code` is one of: `FORBIDDEN` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Error; `error.code` is one of: `NOT_FOUND` */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Error; `error.code` is one of: `VALIDATION_FAILED` */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Error; `error.code` is one of: `INTERNAL` */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Error; `error.code` is one of: `DATABASE_UNAVAILABLE` */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "retry-after"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    getMarketingContact: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        contact: components["schemas"]["MarketingContact"] | null;
                    };
                };
            };
            /** @description Error; `error.code` is one of: `BAD_REQUEST` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Error; `error.code` is one of: `UNAUTHENTICATED` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Error; `error.code` is one of: `FORBIDDEN`, `NO_PARTNER_ACCOUNT` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Error; `error.code` is one of: `INTERNAL` */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Error; `error.code` is one of: `DATABASE_UNAVAILABLE` */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "retry-after"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    assignMarketingContact: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** Format: uuid */
                    userId: string;
                    /** Format: email */
                    email: string;
                    /** @description As typed: +31 20 123 4567, or 020 123 4567 with phoneCountry */
                    phone: string;
                    /** @description ISO 3166 country of a national number, e.g. NL */
                    phoneCountry?: string;
                    preferredLanguage: string;
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MarketingContact"];
                };
            };
            /** @description Error; `error.code` is one of: `BAD_REQUEST` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Error; `error.code` is one of: `UNAUTHENTICATED` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Error; `error.code` is one of: `CSRF_TOKEN_INVALID`, `FORBIDDEN`, `NO_PARTNER_ACCOUNT` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Error; `error.code` is one of: `PAYLOAD_TOO_LARGE` */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Error; `error.code` is one of: `UNSUPPORTED_MEDIA_TYPE` */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Error; `error.code` is one of: `VALIDATION_FAILED` */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Error; `error.code` is one of: `RATE_LIMITED` */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "retry-after"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Error; `error.code` is one of: `INTERNAL` */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Error; `error.code` is one of: `DATABASE_UNAVAILABLE` */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "retry-after"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    listMarketingContactCandidates: {
        parameters: {
            query?: {
                /** @description Items per page (at most 200) */
                limit?: number;
                /** @description The previous page's `nextCursor` */
                cursor?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: {
                            /** Format: uuid */
                            id: string;
                            displayName: string;
                            email: string;
                            username: string;
                            /** @description The user's own portal language; null while they follow their browser's */
                            locale: ("en-US" | "nl-NL") | null;
                        }[];
                        /** @description Pass as `cursor` for the next page; null on the last page */
                        nextCursor: string | null;
                    };
                };
            };
            /** @description Error; `error.code` is one of: `BAD_REQUEST` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Error; `error.code` is one of: `UNAUTHENTICATED` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Error; `error.code` is one of: `FORBIDDEN`, `NO_PARTNER_ACCOUNT` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Error; `error.code` is one of: `VALIDATION_FAILED` */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Error; `error.code` is one of: `INTERNAL` */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Error; `error.code` is one of: `DATABASE_UNAVAILABLE` */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "retry-after"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    activateBenefit: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Activation"];
                };
            };
            /** @description Default Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Activation"];
                };
            };
            /** @description Error; `error.code` is one of: `BAD_REQUEST` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Error; `error.code` is one of: `UNAUTHENTICATED` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Error; `error.code` is one of: `CSRF_TOKEN_INVALID`, `FORBIDDEN`, `NO_PARTNER_ACCOUNT` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Error; `error.code` is one of: `NOT_FOUND` */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Error; `error.code` is one of: `BENEFIT_NOT_AVAILABLE`, `MARKETING_CONTACT_REQUIRED` */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Error; `error.code` is one of: `VALIDATION_FAILED` */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Error; `error.code` is one of: `INTERNAL` */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Error; `error.code` is one of: `DATABASE_UNAVAILABLE` */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "retry-after"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    listActivations: {
        parameters: {
            query?: {
                /** @description Items per page (at most 200) */
                limit?: number;
                /** @description The previous page's `nextCursor` */
                cursor?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: components["schemas"]["Activation"][];
                        /** @description Pass as `cursor` for the next page; null on the last page */
                        nextCursor: string | null;
                    };
                };
            };
            /** @description Error; `error.code` is one of: `BAD_REQUEST` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Error; `error.code` is one of: `UNAUTHENTICATED` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Error; `error.code` is one of: `FORBIDDEN`, `NO_PARTNER_ACCOUNT` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Error; `error.code` is one of: `VALIDATION_FAILED` */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Error; `error.code` is one of: `INTERNAL` */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Error; `error.code` is one of: `DATABASE_UNAVAILABLE` */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "retry-after"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    listTeamActivations: {
        parameters: {
            query?: {
                status?: "open" | "contacted" | "all";
                /** @description Items per page (at most 200) */
                limit?: number;
                /** @description The previous page's `nextCursor` */
                cursor?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: components["schemas"]["TeamActivation"][];
                        /** @description Pass as `cursor` for the next page; null on the last page */
                        nextCursor: string | null;
                    };
                };
            };
            /** @description Error; `error.code` is one of: `BAD_REQUEST` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Error; `error.code` is one of: `UNAUTHENTICATED` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Error; `error.code` is one of: `FORBIDDEN` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Error; `error.code` is one of: `VALIDATION_FAILED` */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Error; `error.code` is one of: `INTERNAL` */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Error; `error.code` is one of: `DATABASE_UNAVAILABLE` */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "retry-after"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    recordActivationContacted: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    note: string;
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** Format: uuid */
                        id: string;
                        alreadyContacted: boolean;
                    };
                };
            };
            /** @description Error; `error.code` is one of: `BAD_REQUEST` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Error; `error.code` is one of: `UNAUTHENTICATED` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Error; `error.code` is one of: `CSRF_TOKEN_INVALID`, `FORBIDDEN` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Error; `error.code` is one of: `NOT_FOUND` */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Error; `error.code` is one of: `PAYLOAD_TOO_LARGE` */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Error; `error.code` is one of: `UNSUPPORTED_MEDIA_TYPE` */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Error; `error.code` is one of: `VALIDATION_FAILED` */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Error; `error.code` is one of: `INTERNAL` */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Error; `error.code` is one of: `DATABASE_UNAVAILABLE` */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "retry-after"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    revokeEntitlement: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Digits only */
                mpnId: string;
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @enum {unknown} */
                    reason: "PROGRAM_TERMS_BREACH" | "FRAUD_SUSPECTED" | "GRANTED_IN_ERROR" | "PARTNER_REQUEST";
                    note?: string;
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** Format: uuid */
                        id: string;
                        /** @enum {string} */
                        status: "revoked";
                        /** @enum {unknown} */
                        reason: "PROGRAM_TERMS_BREACH" | "FRAUD_SUSPECTED" | "GRANTED_IN_ERROR" | "PARTNER_REQUEST";
                    };
                };
            };
            /** @description Error; `error.code` is one of: `BAD_REQUEST` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Error; `error.code` is one of: `UNAUTHENTICATED` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Error; `error.code` is one of: `CSRF_TOKEN_INVALID`, `FORBIDDEN` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Error; `error.code` is one of: `NOT_FOUND` */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Error; `error.code` is one of: `TRANSITION_REFUSED` */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Error; `error.code` is one of: `PAYLOAD_TOO_LARGE` */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Error; `error.code` is one of: `UNSUPPORTED_MEDIA_TYPE` */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Error; `error.code` is one of: `VALIDATION_FAILED` */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Error; `error.code` is one of: `INTERNAL` */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Error; `error.code` is one of: `DATABASE_UNAVAILABLE` */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "retry-after"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    listTechnicalBenefits: {
        parameters: {
            query?: {
                /** @description Items per page (at most 200) */
                limit?: number;
                /** @description The previous page's `nextCursor` */
                cursor?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: components["schemas"]["TechnicalBenefit"][];
                        /** @description Pass as `cursor` for the next page; null on the last page */
                        nextCursor: string | null;
                    };
                };
            };
            /** @description Error; `error.code` is one of: `BAD_REQUEST` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Error; `error.code` is one of: `UNAUTHENTICATED` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Error; `error.code` is one of: `FORBIDDEN`, `NO_PARTNER_ACCOUNT` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Error; `error.code` is one of: `VALIDATION_FAILED` */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Error; `error.code` is one of: `INTERNAL` */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Error; `error.code` is one of: `DATABASE_UNAVAILABLE` */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "retry-after"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    listPartnerOffers: {
        parameters: {
            query?: {
                /** @description Items per page (at most 200) */
                limit?: number;
                /** @description The previous page's `nextCursor` */
                cursor?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: {
                            id: string;
                            name: string;
                            listingType: string;
                            status: string;
                            publisherProfileName: string;
                        }[];
                        /** @description Pass as `cursor` for the next page; null on the last page */
                        nextCursor: string | null;
                    };
                };
            };
            /** @description Error; `error.code` is one of: `BAD_REQUEST` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Error; `error.code` is one of: `UNAUTHENTICATED` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Error; `error.code` is one of: `FORBIDDEN`, `NO_PARTNER_ACCOUNT` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Error; `error.code` is one of: `VALIDATION_FAILED` */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Error; `error.code` is one of: `INTERNAL` */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Error; `error.code` is one of: `DATABASE_UNAVAILABLE` */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "retry-after"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    listTechnicalRequests: {
        parameters: {
            query?: {
                status?: "submitted" | "in-review" | "action-required" | "scheduled" | "completed" | "declined" | "cancelled";
                /** @description Items per page (at most 200) */
                limit?: number;
                /** @description The previous page's `nextCursor` */
                cursor?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: components["schemas"]["TechnicalRequestSummary"][];
                        /** @description Pass as `cursor` for the next page; null on the last page */
                        nextCursor: string | null;
                    };
                };
            };
            /** @description Error; `error.code` is one of: `BAD_REQUEST` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Error; `error.code` is one of: `UNAUTHENTICATED` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Error; `error.code` is one of: `FORBIDDEN`, `NO_PARTNER_ACCOUNT` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Error; `error.code` is one of: `VALIDATION_FAILED` */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Error; `error.code` is one of: `INTERNAL` */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Error; `error.code` is one of: `DATABASE_UNAVAILABLE` */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "retry-after"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    submitTechnicalRequest: {
        parameters: {
            query?: never;
            header?: {
                /** @description Any unique string (a UUID, say) of visible ASCII characters. Sent again with the same request within 24 hours, it answers with the first answer (header `Idempotent-Replayed: true`) and creates nothing. */
                "idempotency-key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @enum {unknown} */
                    phase: "presales" | "design" | "deployment" | "app-development";
                    /** @enum {unknown} */
                    solutionType: "cloud" | "hybrid";
                    /** @description The marketplace's own id */
                    offerId: string;
                    title: string;
                    description: string;
                    /** @description The technical contact: a user of the account (default: the marketing contact) */
                    contact?: {
                        /** Format: uuid */
                        userId: string;
                        /** Format: email */
                        email: string;
                        /** @description As typed: +31 20 123 4567, or 020 123 4567 with phoneCountry */
                        phone: string;
                        phoneCountry?: string;
                        preferredLanguage: string;
                    };
                    /** @description An IANA time zone, e.g. Europe/Amsterdam (default UTC) */
                    timeZone?: string;
                    /**
                     * Format: uuid
                     * @description The technical benefit to draw on (default: the one that ends first with enough left)
                     */
                    benefitId?: string;
                };
            };
        };
        responses: {
            /** @description Default Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TechnicalRequest"];
                };
            };
            /** @description Error; `error.code` is one of: `BAD_REQUEST` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Error; `error.code` is one of: `UNAUTHENTICATED` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Error; `error.code` is one of: `CSRF_TOKEN_INVALID`, `FORBIDDEN`, `NO_PARTNER_ACCOUNT` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Error; `error.code` is one of: `BENEFIT_NOT_AVAILABLE` */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Error; `error.code` is one of: `PAYLOAD_TOO_LARGE` */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Error; `error.code` is one of: `UNSUPPORTED_MEDIA_TYPE` */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Error; `error.code` is one of: `IDEMPOTENCY_KEY_REUSED`, `VALIDATION_FAILED` */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Error; `error.code` is one of: `RATE_LIMITED` */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "retry-after"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Error; `error.code` is one of: `INTERNAL` */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Error; `error.code` is one of: `DATABASE_UNAVAILABLE` */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "retry-after"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    getTechnicalRequest: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TechnicalRequest"];
                };
            };
            /** @description Error; `error.code` is one of: `BAD_REQUEST` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Error; `error.code` is one of: `UNAUTHENTICATED` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Error; `error.code` is one of: `FORBIDDEN`, `NO_PARTNER_ACCOUNT` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Error; `error.code` is one of: `NOT_FOUND` */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Error; `error.code` is one of: `VALIDATION_FAILED` */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Error; `error.code` is one of: `INTERNAL` */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Error; `error.code` is one of: `DATABASE_UNAVAILABLE` */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "retry-after"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    changeTechnicalRequest: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description The revision you read: a stale one is 409 REVISION_CONFLICT with the current one */
                    revision: number;
                    /** @enum {unknown} */
                    phase?: "presales" | "design" | "deployment" | "app-development";
                    /** @enum {unknown} */
                    solutionType?: "cloud" | "hybrid";
                    /** @description The marketplace's own id */
                    offerId?: string;
                    title?: string;
                    description?: string;
                    /** @description The technical contact: a user of the account (default: the marketing contact) */
                    contact?: {
                        /** Format: uuid */
                        userId: string;
                        /** Format: email */
                        email: string;
                        /** @description As typed: +31 20 123 4567, or 020 123 4567 with phoneCountry */
                        phone: string;
                        phoneCountry?: string;
                        preferredLanguage: string;
                    };
                    /** @description An IANA time zone, e.g. Europe/Amsterdam (default UTC) */
                    timeZone?: string;
                    /** @description Required while the request is action-required: your answer, which sends it back to the team */
                    answer?: string;
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TechnicalRequest"];
                };
            };
            /** @description Error; `error.code` is one of: `BAD_REQUEST` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Error; `error.code` is one of: `UNAUTHENTICATED` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Error; `error.code` is one of: `CSRF_TOKEN_INVALID`, `FORBIDDEN`, `NO_PARTNER_ACCOUNT` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Error; `error.code` is one of: `NOT_FOUND` */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Error; `error.code` is one of: `REQUEST_NOT_EDITABLE`, `REVISION_CONFLICT` */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Error; `error.code` is one of: `PAYLOAD_TOO_LARGE` */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Error; `error.code` is one of: `UNSUPPORTED_MEDIA_TYPE` */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Error; `error.code` is one of: `VALIDATION_FAILED` */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Error; `error.code` is one of: `INTERNAL` */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Error; `error.code` is one of: `DATABASE_UNAVAILABLE` */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "retry-after"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    cancelTechnicalRequest: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    reason?: string;
                    revision?: number;
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TechnicalRequest"];
                };
            };
            /** @description Error; `error.code` is one of: `BAD_REQUEST` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Error; `error.code` is one of: `UNAUTHENTICATED` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Error; `error.code` is one of: `CSRF_TOKEN_INVALID`, `FORBIDDEN`, `NO_PARTNER_ACCOUNT` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Error; `error.code` is one of: `NOT_FOUND` */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Error; `error.code` is one of: `REVISION_CONFLICT`, `TRANSITION_REFUSED` */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Error; `error.code` is one of: `PAYLOAD_TOO_LARGE` */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Error; `error.code` is one of: `UNSUPPORTED_MEDIA_TYPE` */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Error; `error.code` is one of: `VALIDATION_FAILED` */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Error; `error.code` is one of: `INTERNAL` */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Error; `error.code` is one of: `DATABASE_UNAVAILABLE` */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "retry-after"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    postTechnicalRequestMessage: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    body: string;
                };
            };
        };
        responses: {
            /** @description Default Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TechnicalRequest"];
                };
            };
            /** @description Error; `error.code` is one of: `BAD_REQUEST` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Error; `error.code` is one of: `UNAUTHENTICATED` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Error; `error.code` is one of: `CSRF_TOKEN_INVALID`, `FORBIDDEN`, `NO_PARTNER_ACCOUNT` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Error; `error.code` is one of: `NOT_FOUND` */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Error; `error.code` is one of: `REQUEST_CLOSED` */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Error; `error.code` is one of: `PAYLOAD_TOO_LARGE` */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Error; `error.code` is one of: `UNSUPPORTED_MEDIA_TYPE` */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Error; `error.code` is one of: `VALIDATION_FAILED` */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Error; `error.code` is one of: `INTERNAL` */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Error; `error.code` is one of: `DATABASE_UNAVAILABLE` */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "retry-after"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    addTechnicalRequestAttachment: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    fileName: string;
                    /** @description The file, base64-encoded: PDF, PNG, JPEG or plain UTF-8 text (read from the content), at most 4 MB */
                    contentBase64: string;
                };
            };
        };
        responses: {
            /** @description Default Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Attachment"];
                };
            };
            /** @description Error; `error.code` is one of: `BAD_REQUEST` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Error; `error.code` is one of: `UNAUTHENTICATED` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Error; `error.code` is one of: `CSRF_TOKEN_INVALID`, `FORBIDDEN`, `NO_PARTNER_ACCOUNT` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Error; `error.code` is one of: `NOT_FOUND` */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Error; `error.code` is one of: `REQUEST_CLOSED`, `TOO_MANY_ATTACHMENTS` */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Error; `error.code` is one of: `PAYLOAD_TOO_LARGE` */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Error; `error.code` is one of: `UNSUPPORTED_MEDIA_TYPE` */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Error; `error.code` is one of: `VALIDATION_FAILED` */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Error; `error.code` is one of: `INTERNAL` */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Error; `error.code` is one of: `DATABASE_UNAVAILABLE` */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "retry-after"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    downloadTechnicalRequestAttachment: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
                attachmentId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The file, as an attachment (Content-Disposition), with the type its content showed */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": string;
                };
            };
            /** @description Error; `error.code` is one of: `BAD_REQUEST` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Error; `error.code` is one of: `UNAUTHENTICATED` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Error; `error.code` is one of: `FORBIDDEN`, `NO_PARTNER_ACCOUNT` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Error; `error.code` is one of: `NOT_FOUND` */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Error; `error.code` is one of: `VALIDATION_FAILED` */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Error; `error.code` is one of: `INTERNAL` */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Error; `error.code` is one of: `DATABASE_UNAVAILABLE` */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "retry-after"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    listTeamTechnicalRequests: {
        parameters: {
            query?: {
                status?: ("submitted" | "in-review" | "action-required" | "scheduled" | "completed" | "declined" | "cancelled") | ("open" | "all");
                /** @description Items per page (at most 200) */
                limit?: number;
                /** @description The previous page's `nextCursor` */
                cursor?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: components["schemas"]["TeamTechnicalRequestSummary"][];
                        /** @description Pass as `cursor` for the next page; null on the last page */
                        nextCursor: string | null;
                    };
                };
            };
            /** @description Error; `error.code` is one of: `BAD_REQUEST` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Error; `error.code` is one of: `UNAUTHENTICATED` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Error; `error.code` is one of: `FORBIDDEN` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Error; `error.code` is one of: `VALIDATION_FAILED` */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Error; `error.code` is one of: `INTERNAL` */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Error; `error.code` is one of: `DATABASE_UNAVAILABLE` */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "retry-after"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    getTeamTechnicalRequest: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TeamTechnicalRequest"];
                };
            };
            /** @description Error; `error.code` is one of: `BAD_REQUEST` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Error; `error.code` is one of: `UNAUTHENTICATED` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Error; `error.code` is one of: `FORBIDDEN` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Error; `error.code` is one of: `NOT_FOUND` */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Error; `error.code` is one of: `VALIDATION_FAILED` */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Error; `error.code` is one of: `INTERNAL` */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Error; `error.code` is one of: `DATABASE_UNAVAILABLE` */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "retry-after"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    moveTeamTechnicalRequest: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @enum {unknown} */
                    to: "submitted" | "in-review" | "action-required" | "scheduled" | "completed" | "declined" | "cancelled";
                    reason?: string;
                    /** Format: date-time */
                    scheduledAt?: string;
                    revision?: number;
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TeamTechnicalRequest"];
                };
            };
            /** @description Error; `error.code` is one of: `BAD_REQUEST` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Error; `error.code` is one of: `UNAUTHENTICATED` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Error; `error.code` is one of: `CSRF_TOKEN_INVALID`, `FORBIDDEN` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Error; `error.code` is one of: `NOT_FOUND` */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Error; `error.code` is one of: `REVISION_CONFLICT`, `TRANSITION_REFUSED` */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Error; `error.code` is one of: `PAYLOAD_TOO_LARGE` */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Error; `error.code` is one of: `UNSUPPORTED_MEDIA_TYPE` */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Error; `error.code` is one of: `VALIDATION_FAILED` */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Error; `error.code` is one of: `INTERNAL` */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Error; `error.code` is one of: `DATABASE_UNAVAILABLE` */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "retry-after"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    postTeamTechnicalRequestMessage: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    body: string;
                };
            };
        };
        responses: {
            /** @description Default Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TeamTechnicalRequest"];
                };
            };
            /** @description Error; `error.code` is one of: `BAD_REQUEST` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Error; `error.code` is one of: `UNAUTHENTICATED` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Error; `error.code` is one of: `CSRF_TOKEN_INVALID`, `FORBIDDEN` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Error; `error.code` is one of: `NOT_FOUND` */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Error; `error.code` is one of: `REQUEST_CLOSED` */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Error; `error.code` is one of: `PAYLOAD_TOO_LARGE` */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Error; `error.code` is one of: `UNSUPPORTED_MEDIA_TYPE` */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Error; `error.code` is one of: `VALIDATION_FAILED` */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Error; `error.code` is one of: `INTERNAL` */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Error; `error.code` is one of: `DATABASE_UNAVAILABLE` */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "retry-after"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    downloadTeamTechnicalRequestAttachment: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
                attachmentId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The file, as an attachment (Content-Disposition), with the type its content showed */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": string;
                };
            };
            /** @description Error; `error.code` is one of: `BAD_REQUEST` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Error; `error.code` is one of: `UNAUTHENTICATED` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Error; `error.code` is one of: `FORBIDDEN` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Error; `error.code` is one of: `NOT_FOUND` */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Error; `error.code` is one of: `VALIDATION_FAILED` */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Error; `error.code` is one of: `INTERNAL` */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Error; `error.code` is one of: `DATABASE_UNAVAILABLE` */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "retry-after"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    listWork: {
        parameters: {
            query?: {
                /** @description One queue (absent: all together) */
                kind?: "activation" | "technical-request" | "sponsorship";
                /** @description An item's state: `open` (an activation), a technical request's, or `requested` (a sponsorship) */
                state?: "open" | "submitted" | "in-review" | "action-required" | "scheduled" | "requested";
                /** @description An MPN ID, or part of the partner name */
                partner?: string;
                /** @description A benefit code */
                benefit?: string;
                /** @description An operator's id, `me`, or `none` (unassigned) */
                assignee?: string | ("me" | "none");
                overdue?: "true" | "false";
                /** @description Items per page (at most 200) */
                limit?: number;
                /** @description The previous page's `nextCursor` */
                cursor?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: components["schemas"]["WorkItem"][];
                        /** @description Pass as `cursor` for the next page; null on the last page */
                        nextCursor: string | null;
                    };
                };
            };
            /** @description Error; `error.code` is one of: `BAD_REQUEST` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Error; `error.code` is one of: `UNAUTHENTICATED` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Error; `error.code` is one of: `FORBIDDEN` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Error; `error.code` is one of: `VALIDATION_FAILED` */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Error; `error.code` is one of: `INTERNAL` */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Error; `error.code` is one of: `DATABASE_UNAVAILABLE` */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "retry-after"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    assignWork: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                kind: "activation" | "technical-request" | "sponsorship";
                id: string;
            };
            cookie?: never;
        };
        /** @description `assigneeId`: the operator to work on it (absent: yourself); someone else needs a manager */
        requestBody: {
            content: {
                "application/json": {
                    /** Format: uuid */
                    assigneeId?: string;
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @enum {unknown} */
                        kind: "activation" | "technical-request" | "sponsorship";
                        /** Format: uuid */
                        id: string;
                        assignee: {
                            /** Format: uuid */
                            id: string;
                            name: string;
                        };
                        /** Format: date-time */
                        assignedAt: string;
                    };
                };
            };
            /** @description Error; `error.code` is one of: `BAD_REQUEST` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Error; `error.code` is one of: `UNAUTHENTICATED` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Error; `error.code` is one of: `CSRF_TOKEN_INVALID`, `FORBIDDEN` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Error; `error.code` is one of: `NOT_FOUND` */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Error; `error.code` is one of: `PAYLOAD_TOO_LARGE` */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Error; `error.code` is one of: `UNSUPPORTED_MEDIA_TYPE` */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Error; `error.code` is one of: `VALIDATION_FAILED` */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Error; `error.code` is one of: `INTERNAL` */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Error; `error.code` is one of: `DATABASE_UNAVAILABLE` */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "retry-after"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    unassignWork: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                kind: "activation" | "technical-request" | "sponsorship";
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Error; `error.code` is one of: `BAD_REQUEST` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Error; `error.code` is one of: `UNAUTHENTICATED` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Error; `error.code` is one of: `CSRF_TOKEN_INVALID`, `FORBIDDEN` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Error; `error.code` is one of: `NOT_FOUND` */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Error; `error.code` is one of: `ASSIGNED_BY_DEFAULT` */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Error; `error.code` is one of: `VALIDATION_FAILED` */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Error; `error.code` is one of: `INTERNAL` */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Error; `error.code` is one of: `DATABASE_UNAVAILABLE` */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "retry-after"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    listWorkContacts: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                kind: "activation" | "technical-request" | "sponsorship";
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: components["schemas"]["WorkContact"][];
                    };
                };
            };
            /** @description Error; `error.code` is one of: `BAD_REQUEST` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Error; `error.code` is one of: `UNAUTHENTICATED` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Error; `error.code` is one of: `FORBIDDEN` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Error; `error.code` is one of: `NOT_FOUND` */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Error; `error.code` is one of: `VALIDATION_FAILED` */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Error; `error.code` is one of: `INTERNAL` */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Error; `error.code` is one of: `DATABASE_UNAVAILABLE` */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "retry-after"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    recordWorkContact: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                kind: "activation" | "technical-request" | "sponsorship";
                id: string;
            };
            cookie?: never;
        };
        /** @description `contactedAt`: when it happened (absent: now), not later than now nor before the work was opened */
        requestBody: {
            content: {
                "application/json": {
                    /** @enum {unknown} */
                    channel: "email" | "phone" | "meeting" | "chat" | "other";
                    /** @description What was said or agreed */
                    note: string;
                    /** Format: date-time */
                    contactedAt?: string;
                };
            };
        };
        responses: {
            /** @description Default Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WorkContact"];
                };
            };
            /** @description Error; `error.code` is one of: `BAD_REQUEST` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Error; `error.code` is one of: `UNAUTHENTICATED` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Error; `error.code` is one of: `CSRF_TOKEN_INVALID`, `FORBIDDEN` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Error; `error.code` is one of: `NOT_FOUND` */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Error; `error.code` is one of: `PAYLOAD_TOO_LARGE` */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Error; `error.code` is one of: `UNSUPPORTED_MEDIA_TYPE` */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Error; `error.code` is one of: `VALIDATION_FAILED` */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Error; `error.code` is one of: `INTERNAL` */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Error; `error.code` is one of: `DATABASE_UNAVAILABLE` */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "retry-after"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    getWorkDashboard: {
        parameters: {
            query?: {
                /** @description Whose "today" (IANA name; default UTC) */
                timeZone?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WorkDashboard"];
                };
            };
            /** @description Error; `error.code` is one of: `BAD_REQUEST` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Error; `error.code` is one of: `UNAUTHENTICATED` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Error; `error.code` is one of: `FORBIDDEN` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Error; `error.code` is one of: `VALIDATION_FAILED` */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Error; `error.code` is one of: `INTERNAL` */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Error; `error.code` is one of: `DATABASE_UNAVAILABLE` */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "retry-after"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    listTeam: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: components["schemas"]["TeamMember"][];
                    };
                };
            };
            /** @description Error; `error.code` is one of: `BAD_REQUEST` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Error; `error.code` is one of: `UNAUTHENTICATED` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Error; `error.code` is one of: `FORBIDDEN` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Error; `error.code` is one of: `INTERNAL` */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Error; `error.code` is one of: `DATABASE_UNAVAILABLE` */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "retry-after"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    nameEngagementManager: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Digits only */
                mpnId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** Format: uuid */
                    operatorId: string;
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        operator: {
                            /** Format: uuid */
                            id: string;
                            name: string;
                        };
                        /** Format: date-time */
                        namedAt: string;
                    };
                };
            };
            /** @description Error; `error.code` is one of: `BAD_REQUEST` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Error; `error.code` is one of: `UNAUTHENTICATED` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Error; `error.code` is one of: `CSRF_TOKEN_INVALID`, `FORBIDDEN` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Error; `error.code` is one of: `NOT_FOUND` */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Error; `error.code` is one of: `PAYLOAD_TOO_LARGE` */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Error; `error.code` is one of: `UNSUPPORTED_MEDIA_TYPE` */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Error; `error.code` is one of: `VALIDATION_FAILED` */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Error; `error.code` is one of: `INTERNAL` */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Error; `error.code` is one of: `DATABASE_UNAVAILABLE` */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "retry-after"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    clearEngagementManager: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Digits only */
                mpnId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Error; `error.code` is one of: `BAD_REQUEST` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Error; `error.code` is one of: `UNAUTHENTICATED` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Error; `error.code` is one of: `CSRF_TOKEN_INVALID`, `FORBIDDEN` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Error; `error.code` is one of: `NOT_FOUND` */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Error; `error.code` is one of: `VALIDATION_FAILED` */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Error; `error.code` is one of: `INTERNAL` */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Error; `error.code` is one of: `DATABASE_UNAVAILABLE` */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "retry-after"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    getActiveProgram: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ActiveProgram"];
                };
            };
            /** @description Error; `error.code` is one of: `BAD_REQUEST` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Error; `error.code` is one of: `UNAUTHENTICATED` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Error; `error.code` is one of: `FORBIDDEN` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Error; `error.code` is one of: `NOT_FOUND` */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Error; `error.code` is one of: `INTERNAL` */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Error; `error.code` is one of: `DATABASE_UNAVAILABLE` */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "retry-after"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    listProgramVersions: {
        parameters: {
            query?: {
                /** @description Items per page (at most 200) */
                limit?: number;
                /** @description The previous page's `nextCursor` */
                cursor?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: components["schemas"]["ProgramVersion"][];
                        /** @description Pass as `cursor` for the next page; null on the last page */
                        nextCursor: string | null;
                    };
                };
            };
            /** @description Error; `error.code` is one of: `BAD_REQUEST` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Error; `error.code` is one of: `UNAUTHENTICATED` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Error; `error.code` is one of: `FORBIDDEN` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Error; `error.code` is one of: `VALIDATION_FAILED` */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Error; `error.code` is one of: `INTERNAL` */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Error; `error.code` is one of: `DATABASE_UNAVAILABLE` */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "retry-after"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    loadProgramVersion: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description The definition file as text (program/default-program.json is an example) */
                    source: string;
                    /** @enum {unknown} */
                    format: "json" | "yaml";
                    basedOnVersion: number | null;
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        version: number;
                        /** @description false: the definition is the version in force, nothing changed */
                        created: boolean;
                    };
                };
            };
            /** @description Default Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        version: number;
                        /** @description false: the definition is the version in force, nothing changed */
                        created: boolean;
                    };
                };
            };
            /** @description Error; `error.code` is one of: `BAD_REQUEST` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Error; `error.code` is one of: `UNAUTHENTICATED` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Error; `error.code` is one of: `CSRF_TOKEN_INVALID`, `FORBIDDEN` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Error; `error.code` is one of: `REVISION_CONFLICT` */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Error; `error.code` is one of: `PAYLOAD_TOO_LARGE` */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Error; `error.code` is one of: `UNSUPPORTED_MEDIA_TYPE` */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Error; `error.code` is one of: `VALIDATION_FAILED` */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Error; `error.code` is one of: `INTERNAL` */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Error; `error.code` is one of: `DATABASE_UNAVAILABLE` */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "retry-after"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    getProgramVersion: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description A version number */
                version: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        name: string;
                        notes?: string;
                        tiers: {
                            code: string;
                            /**
                             * @description US dollars as an exact decimal string
                             * @example 1234.56
                             */
                            minBilledSalesUsd: string;
                            names: {
                                "en-US": string;
                                "nl-NL": string;
                            };
                        }[];
                        sponsorships?: {
                            billingTypes: {
                                code: string;
                                names: {
                                    "en-US": string;
                                    "nl-NL": string;
                                };
                                allowed: boolean;
                                refusals?: {
                                    "en-US": string;
                                    "nl-NL": string;
                                };
                            }[];
                            lowBalancePercent: number;
                            expiryWarningDays: number;
                        };
                        benefits: {
                            code: string;
                            /** @enum {unknown} */
                            category: "sales-marketing" | "technical" | "sponsorship";
                            unlock: {
                                /** @enum {unknown} */
                                listingType: "list" | "trial" | "consulting";
                            } | {
                                tier: string;
                            };
                            /** @enum {unknown} */
                            recurrence: "one-time" | "evergreen";
                            validityMonths?: number;
                            quantities?: {
                                [key: string]: string | number;
                            };
                            phases?: ("presales" | "design" | "deployment" | "app-development")[];
                            names: {
                                "en-US": string;
                                "nl-NL": string;
                            };
                            descriptions: {
                                "en-US": string;
                                "nl-NL": string;
                            };
                        }[];
                    };
                };
            };
            /** @description Error; `error.code` is one of: `BAD_REQUEST` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Error; `error.code` is one of: `UNAUTHENTICATED` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Error; `error.code` is one of: `FORBIDDEN` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Error; `error.code` is one of: `NOT_FOUND` */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Error; `error.code` is one of: `VALIDATION_FAILED` */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Error; `error.code` is one of: `INTERNAL` */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Error; `error.code` is one of: `DATABASE_UNAVAILABLE` */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "retry-after"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    previewProgram: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description The definition file as text (program/default-program.json is an example) */
                    source: string;
                    /** @enum {unknown} */
                    format: "json" | "yaml";
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProgramPreview"];
                };
            };
            /** @description Error; `error.code` is one of: `BAD_REQUEST` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Error; `error.code` is one of: `UNAUTHENTICATED` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Error; `error.code` is one of: `CSRF_TOKEN_INVALID`, `FORBIDDEN` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Error; `error.code` is one of: `PAYLOAD_TOO_LARGE` */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Error; `error.code` is one of: `UNSUPPORTED_MEDIA_TYPE` */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Error; `error.code` is one of: `VALIDATION_FAILED` */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Error; `error.code` is one of: `INTERNAL` */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Error; `error.code` is one of: `DATABASE_UNAVAILABLE` */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "retry-after"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    listAuditEvents: {
        parameters: {
            query?: {
                actorId?: string;
                actorType?: "user" | "operator" | "system";
                /** @description Digits only */
                mpnId?: string;
                /** @description An action (`work.assigned`), or the start of one ending in a dot (`work.`) */
                action?: string;
                from?: string;
                to?: string;
                /** @description Items per page (at most 200) */
                limit?: number;
                /** @description The previous page's `nextCursor` */
                cursor?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: components["schemas"]["AuditEvent"][];
                        /** @description Pass as `cursor` for the next page; null on the last page */
                        nextCursor: string | null;
                    };
                };
            };
            /** @description Error; `error.code` is one of: `BAD_REQUEST` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Error; `error.code` is one of: `UNAUTHENTICATED` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Error; `error.code` is one of: `FORBIDDEN` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Error; `error.code` is one of: `VALIDATION_FAILED` */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Error; `error.code` is one of: `INTERNAL` */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Error; `error.code` is one of: `DATABASE_UNAVAILABLE` */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "retry-after"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    exportAuditEvents: {
        parameters: {
            query?: {
                actorId?: string;
                actorType?: "user" | "operator" | "system";
                /** @description Digits only */
                mpnId?: string;
                /** @description An action (`work.assigned`), or the start of one ending in a dot (`work.`) */
                action?: string;
                from?: string;
                to?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description text/csv, newest first, at most 100000 rows; a value a spreadsheet would run as a formula starts with an apostrophe */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": string;
                };
            };
            /** @description Error; `error.code` is one of: `BAD_REQUEST` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Error; `error.code` is one of: `UNAUTHENTICATED` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Error; `error.code` is one of: `FORBIDDEN` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Error; `error.code` is one of: `VALIDATION_FAILED` */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Error; `error.code` is one of: `INTERNAL` */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Error; `error.code` is one of: `DATABASE_UNAVAILABLE` */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "retry-after"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    searchPartners: {
        parameters: {
            query: {
                q: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: {
                            /** Format: uuid */
                            id: string;
                            name: string;
                            mpnId: string;
                        }[];
                    };
                };
            };
            /** @description Error; `error.code` is one of: `BAD_REQUEST` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Error; `error.code` is one of: `UNAUTHENTICATED` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Error; `error.code` is one of: `FORBIDDEN` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Error; `error.code` is one of: `VALIDATION_FAILED` */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Error; `error.code` is one of: `INTERNAL` */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Error; `error.code` is one of: `DATABASE_UNAVAILABLE` */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "retry-after"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    getPartnerFile: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Digits only */
                mpnId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PartnerFile"];
                };
            };
            /** @description Error; `error.code` is one of: `BAD_REQUEST` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Error; `error.code` is one of: `UNAUTHENTICATED` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Error; `error.code` is one of: `FORBIDDEN` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Error; `error.code` is one of: `NOT_FOUND` */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Error; `error.code` is one of: `VALIDATION_FAILED` */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Error; `error.code` is one of: `INTERNAL` */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Error; `error.code` is one of: `DATABASE_UNAVAILABLE` */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "retry-after"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    listOperatorAccounts: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: components["schemas"]["OperatorAccount"][];
                    };
                };
            };
            /** @description Error; `error.code` is one of: `BAD_REQUEST` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Error; `error.code` is one of: `UNAUTHENTICATED` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Error; `error.code` is one of: `FORBIDDEN` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Error; `error.code` is one of: `INTERNAL` */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Error; `error.code` is one of: `DATABASE_UNAVAILABLE` */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "retry-after"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    createOperatorAccount: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description Their sign-in name (an email address) */
                    username: string;
                    displayName: string;
                    /** Format: email */
                    email: string;
                    /** @enum {unknown} */
                    role: "rewards-agent" | "rewards-manager" | "operator-admin";
                    password: string;
                    managerId?: string | null;
                    locale?: ("en-US" | "nl-NL") | null;
                };
            };
        };
        responses: {
            /** @description Default Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OperatorAccount"];
                };
            };
            /** @description Error; `error.code` is one of: `BAD_REQUEST` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Error; `error.code` is one of: `UNAUTHENTICATED` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Error; `error.code` is one of: `CSRF_TOKEN_INVALID`, `FORBIDDEN` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Error; `error.code` is one of: `PAYLOAD_TOO_LARGE` */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Error; `error.code` is one of: `UNSUPPORTED_MEDIA_TYPE` */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Error; `error.code` is one of: `VALIDATION_FAILED` */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Error; `error.code` is one of: `INTERNAL` */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Error; `error.code` is one of: `DATABASE_UNAVAILABLE` */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "retry-after"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    changeOperatorAccount: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    displayName?: string;
                    /** @enum {unknown} */
                    role?: "rewards-agent" | "rewards-manager" | "operator-admin";
                    managerId?: string | null;
                    locale?: ("en-US" | "nl-NL") | null;
                    disabled?: boolean;
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OperatorAccount"];
                };
            };
            /** @description Error; `error.code` is one of: `BAD_REQUEST` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Error; `error.code` is one of: `UNAUTHENTICATED` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Error; `error.code` is one of: `CSRF_TOKEN_INVALID`, `FORBIDDEN` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Error; `error.code` is one of: `NOT_FOUND` */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Error; `error.code` is one of: `PAYLOAD_TOO_LARGE` */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Error; `error.code` is one of: `UNSUPPORTED_MEDIA_TYPE` */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Error; `error.code` is one of: `VALIDATION_FAILED` */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Error; `error.code` is one of: `INTERNAL` */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Error; `error.code` is one of: `DATABASE_UNAVAILABLE` */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "retry-after"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    listSponsorships: {
        parameters: {
            query?: {
                /** @description Items per page (at most 200) */
                limit?: number;
                /** @description The previous page's `nextCursor` */
                cursor?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: components["schemas"]["Sponsorship"][];
                        /** @description Pass as `cursor` for the next page; null on the last page */
                        nextCursor: string | null;
                        /** @description What remains of the credits that can still be used (unlocked, requested, active), exact */
                        totalRemainingUsd: string;
                        billingTypes: components["schemas"]["BillingType"][];
                    };
                };
            };
            /** @description Error; `error.code` is one of: `BAD_REQUEST` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Error; `error.code` is one of: `UNAUTHENTICATED` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Error; `error.code` is one of: `FORBIDDEN`, `NO_PARTNER_ACCOUNT` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Error; `error.code` is one of: `VALIDATION_FAILED` */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Error; `error.code` is one of: `INTERNAL` */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Error; `error.code` is one of: `DATABASE_UNAVAILABLE` */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "retry-after"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    listSponsorshipLedger: {
        parameters: {
            query?: {
                /** @description Items per page (at most 200) */
                limit?: number;
                /** @description The previous page's `nextCursor` */
                cursor?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: components["schemas"]["SponsorshipLedgerEntry"][];
                        /** @description Pass as `cursor` for the next page; null on the last page */
                        nextCursor: string | null;
                    };
                };
            };
            /** @description Error; `error.code` is one of: `BAD_REQUEST` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Error; `error.code` is one of: `UNAUTHENTICATED` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Error; `error.code` is one of: `FORBIDDEN`, `NO_PARTNER_ACCOUNT` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Error; `error.code` is one of: `VALIDATION_FAILED` */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Error; `error.code` is one of: `INTERNAL` */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Error; `error.code` is one of: `DATABASE_UNAVAILABLE` */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "retry-after"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    requestSponsorshipProvisioning: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description The cloud subscription id (a GUID) */
                    subscriptionId: string;
                    billingType: string;
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Sponsorship"];
                };
            };
            /** @description Error; `error.code` is one of: `BAD_REQUEST` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Error; `error.code` is one of: `UNAUTHENTICATED` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Error; `error.code` is one of: `CSRF_TOKEN_INVALID`, `FORBIDDEN`, `NO_PARTNER_ACCOUNT` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Error; `error.code` is one of: `NOT_FOUND` */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Error; `error.code` is one of: `SPONSORSHIP_NOT_REQUESTABLE` */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Error; `error.code` is one of: `PAYLOAD_TOO_LARGE` */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Error; `error.code` is one of: `UNSUPPORTED_MEDIA_TYPE` */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Error; `error.code` is one of: `VALIDATION_FAILED` */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Error; `error.code` is one of: `INTERNAL` */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Error; `error.code` is one of: `DATABASE_UNAVAILABLE` */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "retry-after"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    listTeamSponsorships: {
        parameters: {
            query?: {
                status?: ("unlocked" | "requested" | "active" | "exhausted" | "expired" | "revoked") | "all";
                /** @description Items per page (at most 200) */
                limit?: number;
                /** @description The previous page's `nextCursor` */
                cursor?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: components["schemas"]["TeamSponsorship"][];
                        /** @description Pass as `cursor` for the next page; null on the last page */
                        nextCursor: string | null;
                    };
                };
            };
            /** @description Error; `error.code` is one of: `BAD_REQUEST` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Error; `error.code` is one of: `UNAUTHENTICATED` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Error; `error.code` is one of: `FORBIDDEN` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Error; `error.code` is one of: `VALIDATION_FAILED` */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Error; `error.code` is one of: `INTERNAL` */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Error; `error.code` is one of: `DATABASE_UNAVAILABLE` */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "retry-after"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    activateTeamSponsorship: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** Format: date-time */
                    activeFrom: string;
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TeamSponsorship"];
                };
            };
            /** @description Error; `error.code` is one of: `BAD_REQUEST` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Error; `error.code` is one of: `UNAUTHENTICATED` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Error; `error.code` is one of: `CSRF_TOKEN_INVALID`, `FORBIDDEN` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Error; `error.code` is one of: `NOT_FOUND` */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Error; `error.code` is one of: `TRANSITION_REFUSED` */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Error; `error.code` is one of: `PAYLOAD_TOO_LARGE` */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Error; `error.code` is one of: `UNSUPPORTED_MEDIA_TYPE` */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Error; `error.code` is one of: `VALIDATION_FAILED` */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Error; `error.code` is one of: `INTERNAL` */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Error; `error.code` is one of: `DATABASE_UNAVAILABLE` */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "retry-after"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    declineTeamSponsorshipProvisioning: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    reason: string;
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TeamSponsorship"];
                };
            };
            /** @description Error; `error.code` is one of: `BAD_REQUEST` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Error; `error.code` is one of: `UNAUTHENTICATED` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Error; `error.code` is one of: `CSRF_TOKEN_INVALID`, `FORBIDDEN` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Error; `error.code` is one of: `NOT_FOUND` */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Error; `error.code` is one of: `TRANSITION_REFUSED` */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Error; `error.code` is one of: `PAYLOAD_TOO_LARGE` */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Error; `error.code` is one of: `UNSUPPORTED_MEDIA_TYPE` */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Error; `error.code` is one of: `VALIDATION_FAILED` */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Error; `error.code` is one of: `INTERNAL` */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Error; `error.code` is one of: `DATABASE_UNAVAILABLE` */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "retry-after"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    revokeTeamSponsorship: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    reason: string;
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TeamSponsorship"];
                };
            };
            /** @description Error; `error.code` is one of: `BAD_REQUEST` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Error; `error.code` is one of: `UNAUTHENTICATED` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Error; `error.code` is one of: `CSRF_TOKEN_INVALID`, `FORBIDDEN` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Error; `error.code` is one of: `NOT_FOUND` */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Error; `error.code` is one of: `TRANSITION_REFUSED` */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Error; `error.code` is one of: `PAYLOAD_TOO_LARGE` */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Error; `error.code` is one of: `UNSUPPORTED_MEDIA_TYPE` */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Error; `error.code` is one of: `VALIDATION_FAILED` */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Error; `error.code` is one of: `INTERNAL` */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Error; `error.code` is one of: `DATABASE_UNAVAILABLE` */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "retry-after"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    recordSponsorshipUsage: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    items: {
                        /** @description The marketplace's own id */
                        id: string;
                        /** @description Digits only */
                        mpnId: string;
                        /** @description The cloud subscription id (a GUID) */
                        subscriptionId: string;
                        /**
                         * @description US dollars as an exact decimal string
                         * @example 1234.56
                         */
                        amountUsd: string;
                        /** Format: date-time */
                        usedAt: string;
                    }[];
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        received: number;
                        recorded: number;
                        duplicates: number;
                        coveredUsd: string;
                        uncoveredUsd: string;
                    };
                };
            };
            /** @description Error; `error.code` is one of: `BAD_REQUEST` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Error; `error.code` is one of: `UNAUTHENTICATED` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Error; `error.code` is one of: `CSRF_TOKEN_INVALID`, `FORBIDDEN` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Error; `error.code` is one of: `PAYLOAD_TOO_LARGE` */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Error; `error.code` is one of: `UNSUPPORTED_MEDIA_TYPE` */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Error; `error.code` is one of: `VALIDATION_FAILED` */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Error; `error.code` is one of: `INTERNAL` */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Error; `error.code` is one of: `DATABASE_UNAVAILABLE` */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "retry-after"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    getOutbox: {
        parameters: {
            query?: {
                status?: "pending" | "sending" | "sent" | "failed";
                /** @description Items per page (at most 200) */
                limit?: number;
                /** @description The previous page's `nextCursor` */
                cursor?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        counts: {
                            pending: number;
                            sending: number;
                            sent: number;
                            failed: number;
                        };
                        items: {
                            /** Format: uuid */
                            id: string;
                            messageId: string;
                            kind: string;
                            recipient: string;
                            /** @description The To: header's display name; null when the address goes alone */
                            recipientName: string | null;
                            /** @enum {unknown} */
                            locale: "en-US" | "nl-NL";
                            subject: string;
                            /** @enum {unknown} */
                            status: "pending" | "sending" | "sent" | "failed";
                            attempts: number;
                            /** Format: date-time */
                            nextAttemptAt: string;
                            lastError: string | null;
                            /** Format: date-time */
                            createdAt: string;
                            sentAt: string | null;
                        }[];
                        /** @description Pass as `cursor` for the next page; null on the last page */
                        nextCursor: string | null;
                    };
                };
            };
            /** @description Error; `error.code` is one of: `BAD_REQUEST` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Error; `error.code` is one of: `UNAUTHENTICATED` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Error; `error.code` is one of: `FORBIDDEN` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Error; `error.code` is one of: `VALIDATION_FAILED` */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Error; `error.code` is one of: `INTERNAL` */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Error; `error.code` is one of: `DATABASE_UNAVAILABLE` */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "retry-after"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    getOutboxMessageText: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** Format: uuid */
                        id: string;
                        subject: string;
                        /** @enum {unknown} */
                        locale: "en-US" | "nl-NL";
                        textBody: string;
                    };
                };
            };
            /** @description Error; `error.code` is one of: `BAD_REQUEST` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Error; `error.code` is one of: `UNAUTHENTICATED` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Error; `error.code` is one of: `FORBIDDEN` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Error; `error.code` is one of: `NOT_FOUND` */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Error; `error.code` is one of: `VALIDATION_FAILED` */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Error; `error.code` is one of: `INTERNAL` */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Error; `error.code` is one of: `DATABASE_UNAVAILABLE` */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "retry-after"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    resendOutboxMessage: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** Format: uuid */
                        id: string;
                        /** @enum {string} */
                        status: "pending";
                    };
                };
            };
            /** @description Error; `error.code` is one of: `BAD_REQUEST` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Error; `error.code` is one of: `UNAUTHENTICATED` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Error; `error.code` is one of: `CSRF_TOKEN_INVALID`, `FORBIDDEN` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Error; `error.code` is one of: `NOT_FOUND` */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Error; `error.code` is one of: `MESSAGE_NOT_FAILED` */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Error; `error.code` is one of: `VALIDATION_FAILED` */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Error; `error.code` is one of: `INTERNAL` */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Error; `error.code` is one of: `DATABASE_UNAVAILABLE` */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "retry-after"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
}
