//! Links from responses: the real forms pass, every look-alike and parser trick is refused.

use super::*;
use proptest::prelude::*;

const DEFENDER: &str =
    "https://security.microsoft.com/incidents/3177?tid=5b5a146c-eba8-46af-96f8-e31b50d15a3f";
const AZURE: &str = "https://portal.azure.com/#asset/Microsoft_Azure_Security_Insights/Incident/subscriptions/d0cfe6b2-9ac0-4464-9919-dccaee2e48c0/resourceGroups/myRg/providers/Microsoft.OperationalInsights/workspaces/myWorkspace/providers/Microsoft.SecurityInsights/incidents/73e01a99-5cd7-4139-a149-9f2736ff2ab5";
const NEXT: &str = "https://management.azure.com/subscriptions/d0cfe6b2-9ac0-4464-9919-dccaee2e48c0/resourceGroups/myRg/providers/Microsoft.OperationalInsights/workspaces/myWorkspace/providers/Microsoft.SecurityInsights/incidents?api-version=2024-09-01&$top=50&$skipToken=abc%3D%3D";

#[test]
fn real_links_pass() {
    assert_eq!(defender_link(DEFENDER), Some(DEFENDER));
    for host in [
        "mto.security.microsoft.com",
        "security.microsoft.us",
        "security.apps.mil",
        "Security.Microsoft.com",
    ] {
        let link = format!("https://{host}/incidents/1");
        assert_eq!(defender_link(&link), Some(link.as_str()), "{link}");
    }
    assert_eq!(azure_portal_link(AZURE), Some(AZURE));
    assert_eq!(arm_link(NEXT), Some(NEXT));
}

#[test]
fn each_checker_allows_only_its_hosts() {
    assert_eq!(defender_link(AZURE), None);
    assert_eq!(defender_link(NEXT), None);
    assert_eq!(azure_portal_link(DEFENDER), None);
    assert_eq!(arm_link(DEFENDER), None);
    assert_eq!(
        azure_portal_link("https://sandbox-1.reactblade.portal.azure.net/x"),
        None,
        "a blade frame is not a page to link to"
    );
}

#[test]
fn look_alikes_and_parser_tricks_are_refused() {
    for bad in [
        "http://security.microsoft.com/incidents/1",
        "javascript:alert(1)//security.microsoft.com",
        "//security.microsoft.com/incidents/1",
        "security.microsoft.com/incidents/1",
        "https://security.microsoft.com.evil.example/incidents/1",
        "https://evilsecurity.microsoft.com/incidents/1",
        "https://security.microsoft.com@evil.example/",
        "https://evil.example\\@security.microsoft.com/",
        "https://evil.example\\.security.microsoft.com/",
        "https://user@security.microsoft.com/incidents/1",
        "https://security.microsoft.com:8443/incidents/1",
        "https://security.microsoft.com:443/incidents/1",
        "https://security.microsoft.com./incidents/1",
        "https://[::1]/incidents/1",
        " https://security.microsoft.com/incidents/1",
        "https://security.microsoft.com/incidents/1 ",
        "https://security.microsoft.com/incidents/\n1",
        "https://security.microsoft.com/incidents/\u{0}",
        "https://security.microsoft.com/incidents/1\u{202e}",
        "https://ѕecurity.microsoft.com/incidents/1",
        "https://security%2Emicrosoft.com/incidents/1",
        "",
    ] {
        assert_eq!(defender_link(bad), None, "{bad:?}");
    }
    let long = format!(
        "https://security.microsoft.com/{}",
        "a".repeat(MAX_LINK_LEN)
    );
    assert_eq!(defender_link(&long), None);
}

#[test]
fn next_link_must_be_arm_itself() {
    for bad in [
        "http://management.azure.com/subscriptions",
        "https://management.azure.com.evil.example/subscriptions",
        "https://evil.example/?https://management.azure.com/",
        "https://management.usgovcloudapi.net/subscriptions",
        "https://management.azure.com:444/subscriptions",
        "nextlink",
        "...",
    ] {
        assert_eq!(arm_link(bad), None, "{bad:?}");
    }
}

proptest! {
    #[test]
    fn whatever_passes_is_https_on_an_allowed_host(
        s in "(https?://)?((security\\.microsoft\\.com|management\\.azure\\.com|evil\\.example)[@:./\\\\?#]?){0,3}[ -~]{0,20}",
    ) {
        for (checked, allowed) in [
            (defender_link(&s), &["security.microsoft.com", "mto.security.microsoft.com", "security.microsoft.us", "security.apps.mil"][..]),
            (arm_link(&s), &[ARM_HOST][..]),
        ] {
            if let Some(link) = checked {
                let rest = link.get(8..).unwrap_or_default();
                prop_assert!(link[..8].eq_ignore_ascii_case("https://"), "{}", link);
                let host = rest.split(['/', '?', '#']).next().unwrap_or_default();
                prop_assert!(allowed.iter().any(|a| a.eq_ignore_ascii_case(host)), "{}", link);
            }
        }
    }
}
