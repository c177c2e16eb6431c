//! Does a set of ARM `actions` / `notActions` allow an operation?
//!
//! Why by hand: `Microsoft.Authorization/permissions` returns the caller's effective actions with
//! `*` wildcards (`*` for Owner, `Microsoft.SecurityInsights/*` for Microsoft Sentinel
//! Contributor, `*/read` for Reader) and the operations taken out again (`notActions`). An
//! operation is allowed when some action matches it and no not-action does. Azure compares
//! operation names case-insensitively; `*` matches any run of characters, `/` included.

use super::arm_facts::PermissionFacts;

/// Does `pattern` (with `*` wildcards) match `operation`, ignoring ASCII case?
pub fn matches(pattern: &str, operation: &str) -> bool {
    let p = pattern.to_ascii_lowercase();
    let o = operation.to_ascii_lowercase();
    let mut pieces = p.split('*');
    let Some(first) = pieces.next() else {
        return false;
    };
    let Some(mut rest) = o.strip_prefix(first) else {
        return false;
    };
    let pieces: Vec<&str> = pieces.collect();
    let Some((last, middle)) = pieces.split_last() else {
        // No wildcard at all: the whole operation must have been the prefix.
        return rest.is_empty();
    };
    for piece in middle {
        match rest.find(piece) {
            Some(at) => rest = &rest[at + piece.len()..],
            None => return false,
        }
    }
    rest.ends_with(last)
}

/// Is `operation` allowed by these permissions?
pub fn allows(permissions: &PermissionFacts, operation: &str) -> bool {
    permissions.actions.iter().any(|a| matches(a, operation))
        && !permissions
            .not_actions
            .iter()
            .any(|a| matches(a, operation))
}

/// The operations of `needed` these permissions do not allow.
pub fn missing<'a>(permissions: &PermissionFacts, needed: &[&'a str]) -> Vec<&'a str> {
    needed
        .iter()
        .copied()
        .filter(|op| !allows(permissions, op))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn perms(actions: &[&str], not_actions: &[&str]) -> PermissionFacts {
        PermissionFacts {
            actions: actions.iter().map(|s| s.to_string()).collect(),
            not_actions: not_actions.iter().map(|s| s.to_string()).collect(),
        }
    }

    #[test]
    fn wildcards_match_like_azure_rbac() {
        assert!(matches(
            "*",
            "Microsoft.Authorization/roleAssignments/write"
        ));
        assert!(matches(
            "Microsoft.SecurityInsights/*",
            "microsoft.securityinsights/incidents/write"
        ));
        assert!(matches(
            "*/read",
            "Microsoft.SecurityInsights/incidents/read"
        ));
        assert!(!matches(
            "*/read",
            "Microsoft.SecurityInsights/incidents/write"
        ));
        assert!(matches(
            "Microsoft.SecurityInsights/incidents/write",
            "Microsoft.SecurityInsights/incidents/write"
        ));
        assert!(!matches(
            "Microsoft.SecurityInsights/incidents",
            "Microsoft.SecurityInsights/incidents/write"
        ));
        assert!(matches(
            "Microsoft.*/incidents/*",
            "Microsoft.SecurityInsights/incidents/write"
        ));
        assert!(!matches("", "anything"));
    }

    #[test]
    fn owner_allows_everything_contributor_not_role_assignments() {
        let owner = perms(&["*"], &[]);
        assert!(missing(&owner, &["Microsoft.Authorization/roleAssignments/write"]).is_empty());
        // Contributor: "*" minus Microsoft.Authorization/*/Write (as Azure defines it).
        let contributor = perms(
            &["*"],
            &[
                "Microsoft.Authorization/*/Delete",
                "Microsoft.Authorization/*/Write",
            ],
        );
        assert_eq!(
            missing(
                &contributor,
                &[
                    "Microsoft.Authorization/roleAssignments/write",
                    "Microsoft.SecurityInsights/incidents/write"
                ]
            ),
            vec!["Microsoft.Authorization/roleAssignments/write"]
        );
        assert!(!allows(
            &perms(&[], &[]),
            "Microsoft.SecurityInsights/incidents/read"
        ));
    }
}
