use super::*;
use crate::model::LinkPortal;

/// What users type, and the entry that must come first.
const FIRST_HITS: &[(&str, &str)] = &[
    ("bookmarks", "hunting"),
    ("logs", "logs"),
    ("KQL", "logs"),
    ("fusion", "fusion"),
    ("workspace manager", "workspace-manager"),
    ("playbooks", "automation"),
    ("ueba", "entity-behavior"),
    ("iocs", "threat-intelligence"),
    ("intel management", "threat-intelligence"),
    ("tasks", "incident-tasks"),
    ("mitre", "mitre-attack"),
    ("solutions", "content-hub"),
    ("watchlist", "watchlists"),
    ("connectors", "data-connectors"),
    ("custom detection", "analytics"),
    ("lighthouse", "multitenant"),
    ("jupyter", "notebooks"),
    ("edit comment", "incident-comment-edit"),
    ("primary workspace", "settings"),
    ("hunting", "hunting"),
    ("incidents", "incidents"),
    ("playbok", "automation"),
    ("wrkbooks", "workbooks"),
];

#[test]
fn common_words_find_the_right_entry_first() {
    let context = SearchContext::default();
    for (query, expected) in FIRST_HITS {
        let hits = search(query, &context, 5);
        assert_eq!(
            hits.first().map(|h| h.id.as_str()),
            Some(*expected),
            "query {query:?} gave {:?}",
            hits.iter().map(|h| &h.id).collect::<Vec<_>>()
        );
    }
}

#[test]
fn a_hit_carries_both_locations_and_a_defender_link() {
    let hits = search("kql", &SearchContext::default(), 1);
    let logs = hits.first().expect("a hit");
    assert_eq!(logs.matched.as_deref(), Some("kql"));
    assert_eq!(logs.azure_menu, "Microsoft Sentinel > General > Logs");
    assert!(logs.defender_menu.contains("Advanced hunting"));
    assert_eq!(
        logs.links[0].href,
        "https://security.microsoft.com/v2/advanced-hunting"
    );
}

#[test]
fn links_keep_the_tab_context() {
    let context = SearchContext {
        tenant: Some("6f3c2b1a-4d5e-4f60-8a7b-9c0d1e2f3a4b".into()),
        workspace: Some(WorkspaceRef {
            subscription: "0b1c2d3e-4f50-4617-8293-a4b5c6d7e8f9".into(),
            resource_group: "soc-rg".into(),
            name: "contoso-sentinel".into(),
        }),
        cloud: Cloud::Commercial,
    };
    let hits = search("hunting", &context, 1);
    let hunting = hits.first().expect("a hit");
    assert_eq!(
        hunting.links[0].href,
        "https://security.microsoft.com/sentinel/0b1c2d3e-4f50-4617-8293-a4b5c6d7e8f9/soc-rg/contoso-sentinel/hunting?tid=6f3c2b1a-4d5e-4f60-8a7b-9c0d1e2f3a4b"
    );
    assert_eq!(hunting.links[1].portal, LinkPortal::Azure);
    assert!(hunting.links[1]
        .href
        .contains("MainMenuBlade/~/Hunting/id/"));
}

#[test]
fn links_go_to_the_tab_cloud() {
    let context = SearchContext {
        cloud: Cloud::Dod,
        ..SearchContext::default()
    };
    let hits = search("hunting", &context, 1);
    let hrefs: Vec<&str> = hits[0].links.iter().map(|l| l.href.as_str()).collect();
    assert!(
        hrefs[0].starts_with("https://security.apps.mil/"),
        "{hrefs:?}"
    );
    assert!(
        hrefs[1].starts_with("https://portal.azure.us/"),
        "{hrefs:?}"
    );
}

#[test]
fn older_locations_are_searchable_and_shown() {
    let hits = search(
        "threat management threat intelligence",
        &SearchContext::default(),
        3,
    );
    let ti = hits.first().expect("a hit");
    assert_eq!(ti.id, "threat-intelligence");
    assert_eq!(ti.defender_menu, "Threat intelligence > Intel management");
    assert!(ti.also[0].contains("Microsoft Sentinel > Threat management > Threat intelligence"));
}

#[test]
fn empty_blank_and_nonsense_queries_give_nothing() {
    let context = SearchContext::default();
    assert!(search("", &context, 5).is_empty());
    assert!(search("   ", &context, 5).is_empty());
    assert!(search("zzzqqqxxx", &context, 5).is_empty());
    assert!(search("hunting", &context, 0).is_empty());
}

#[test]
fn limits_and_long_queries_are_respected() {
    let context = SearchContext::default();
    assert!(search("a", &context, 3).len() <= 3);
    let long = "hunting ".repeat(500);
    let _ = search(&long, &context, 5); // must not panic or take long
}

proptest::proptest! {
    #[test]
    fn any_query_is_safe(query in "\\PC{0,120}") {
        let hits = search(&query, &SearchContext::default(), 8);
        proptest::prop_assert!(hits.len() <= 8);
        for hit in hits {
            proptest::prop_assert!(hit.links.iter().all(|l| l.href.starts_with("https://")));
        }
    }
}
