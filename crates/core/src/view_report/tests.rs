use super::*;
use crate::protocol::ProbeResult;

fn element(d: u32, tag: &str, attrs: &[(&str, &str)]) -> Record {
    Record {
        d,
        tag: Some(tag.to_string()),
        attrs: attrs
            .iter()
            .flat_map(|(n, v)| [n.to_string(), v.to_string()])
            .collect(),
        text: None,
    }
}

fn text(d: u32, text: &str) -> Record {
    Record {
        d,
        text: Some(text.to_string()),
        ..Record::default()
    }
}

fn context() -> ReportContext {
    ReportContext {
        portal: Some(Portal::Azure),
        page: Some("incident-page".into()),
        frame: Frame::Top,
        lang: "en".into(),
        origin: "https://portal.azure.com".into(),
        user_agent: "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/156.0.0.0 Safari/537.36".into(),
        version: "0.1.0".into(),
        saved_on: "2026-12-07".into(),
        health: Health {
            top: Some(ProbeResult {
                found: vec!["incident-tasks:0".into()],
                missing: vec!["similar-incidents".into()],
            }),
            blade: None,
        },
        truncated: false,
        patched: Vec::new(),
    }
}

fn json(report: &ViewReport) -> serde_json::Value {
    serde_json::to_value(report).expect("a report serializes")
}

#[test]
fn words_no_probe_looks_for_become_their_length() {
    assert_eq!(sanitize_text("Tasks"), "Tasks");
    assert_eq!(
        sanitize_text("Suspicious sign-on Jürgen"),
        "{10} {4}-{2} {6}"
    );
    assert_eq!(sanitize_text("TASKS(2)"), "TASKS(2)");
    assert_eq!(sanitize_text("Automation rules 4"), "Automation rules 4");
    assert_eq!(sanitize_text("Incident 3421 [150+]"), "Incident {4} [150+]");
    assert_eq!(sanitize_text("{x}"), "({1})");
}

#[test]
fn private_values_are_never_kept() {
    for value in [
        "3f2504e0-4f89-11d3-9a0c-0305e82c3301",
        "jane.doe@contoso.com",
        "/incidents?tid=contoso",
        "https://portal.azure.com/",
        "eyJ0eXAiOiJKV1QiLCJhbGciOiJSUzI1NiJ9abc",
    ] {
        assert!(values::holds_private(value), "{value}");
        assert_eq!(values::kept_attribute("id", value), None, "{value}");
    }
    assert!(!values::holds_private("fxs-blade-title-titleText"));
    assert!(!values::holds_private("Command-Tasks"));
    // A kept word as an e-mail's domain: every word is replaced.
    assert_eq!(sanitize_text("someone@contoso.new"), "{7}@{7}.{3}");
    // A link or a query written out in a comment keeps its shape as words of lengths: the whole
    // text is its length.
    assert_eq!(sanitize_text("see https://contoso.com/x"), "{25}");
    assert_eq!(sanitize_text("page?id=5"), "{9}");
    assert!(!values::holds_private(&sanitize_text(
        "mail jane@contoso.com now"
    )));
}

#[test]
fn attributes_follow_the_report_rules() {
    let kept = |name: &str, value: &str| values::kept_attribute(name, value);
    assert_eq!(kept("style", "color: red"), None);
    assert_eq!(
        kept("data-telemetryname", "Command-Tasks").as_deref(),
        Some("Command-Tasks")
    );
    assert_eq!(
        kept("aria-label", "Assign Jane").as_deref(),
        Some("{6} {4}")
    );
    assert_eq!(
        kept("href", "https://portal.azure.com/#view/x?y=1").as_deref(),
        Some("/")
    );
    assert_eq!(
        kept("href", "/incidents/3421?tid=1#x").as_deref(),
        Some("/incidents/3421")
    );
    assert_eq!(
        kept("href", "#view/Microsoft_Azure_Security").as_deref(),
        Some("#view")
    );
    assert_eq!(kept("href", "mailto:jane@contoso.com"), None);
    assert_eq!(
        kept(
            "class",
            "row row-3f2504e0-4f89-11d3-9a0c-0305e82c3301 selected"
        )
        .as_deref(),
        Some("row selected")
    );
}

#[test]
fn the_view_nests_as_the_records_say() {
    let records = [
        element(0, "div", &[("id", "app"), ("style", "x")]),
        element(1, "button", &[("data-telemetryname", "Command-Tasks")]),
        text(2, "Tasks"),
        element(1, "h2", &[("class", "fxs-blade-title-titleText")]),
        text(2, "Phishing via jane@contoso.com"),
        element(0, "footer", &[]),
    ];
    let report = report(&records, &context()).expect("a report");
    assert_eq!(
        json(&report)["view"],
        serde_json::json!(["body",
            ["div", {"id": "app"},
                ["button", {"data-telemetryname": "Command-Tasks"}, "Tasks"],
                ["h2", {"class": "fxs-blade-title-titleText"}, "{8} {3} {4}@{7}.{3}"]],
            ["footer"]])
    );
}

#[test]
fn a_report_names_its_page_and_what_the_probes_found() {
    let saved = report(&[element(0, "main", &[])], &context()).expect("a report");
    let value = json(&saved);
    assert_eq!(value["format"], FORMAT);
    assert_eq!(value["portal"], "azure");
    assert_eq!(value["page"], "incident-page");
    assert_eq!(value["frame"], "top");
    assert_eq!(value["origin"], "https://portal.azure.com");
    assert_eq!(
        value["browser"],
        "Chrome 156, saved by SecOps Wayfinder 0.1.0"
    );
    assert_eq!(value["probes"]["incident-tasks"]["by"], "selector");
    assert_eq!(
        value["probes"]["similar-incidents"],
        serde_json::Value::Null
    );
    assert_eq!(value["expect"]["incident-tasks"], true);
    assert_eq!(value["expect"]["similar-incidents"], false);
    let keys: Vec<&String> = value.as_object().expect("an object").keys().collect();
    assert_eq!(keys.len(), 12);
    // Found with a probe patch: expected found, by no tier of the catalog's probe.
    let patched = ReportContext {
        patched: vec!["incident-tasks".into()],
        ..context()
    };
    let value = json(&report(&[element(0, "main", &[])], &patched).expect("a report"));
    assert_eq!(value["probes"]["incident-tasks"], serde_json::Value::Null);
    assert_eq!(value["expect"]["incident-tasks"], true);
}

#[test]
fn a_page_without_notices_or_a_view_makes_no_report() {
    let mut ctx = context();
    ctx.page = Some("no-such-page".into());
    assert_eq!(
        report(&[element(0, "main", &[])], &ctx),
        Err(ReportError::NotAPortalPage)
    );
    let mut ctx = context();
    ctx.origin = "https://portal.azure.com/path".into();
    assert_eq!(
        report(&[element(0, "main", &[])], &ctx),
        Err(ReportError::NoView)
    );
    assert_eq!(report(&[], &context()), Err(ReportError::NoView));
}

#[test]
fn the_summary_counts_elements_and_kept_words() {
    let records = [
        element(0, "button", &[("aria-label", "Tasks of Jane")]),
        text(1, "Tasks"),
    ];
    let summary = report(&records, &context()).expect("a report").summary();
    assert_eq!(summary.elements, 2);
    assert_eq!(summary.words, vec!["Tasks".to_string()]);
    assert_eq!(summary.replaced, 2);
}

#[test]
fn the_vocabulary_holds_the_probes_words_and_attributes() {
    assert!(REPORT_WORDS.windows(2).all(|w| w[0] < w[1]));
    assert!(REPORT_WORDS.contains(&"tasks"));
    assert!(REPORT_WORDS.contains(&"preview"));
    assert!(REPORT_ATTRIBUTES.contains(&"data-telemetryname"));
    assert_eq!(RELEASED.len(), 10);
}

#[test]
fn a_blade_page_is_reported_from_its_blade_frame() {
    assert_eq!(
        frame_of(Some(Portal::Azure), "analytics"),
        Some(Frame::Blade)
    );
    assert_eq!(
        frame_of(Some(Portal::Azure), "incident-page"),
        Some(Frame::Top)
    );
    assert_eq!(
        frame_of(Some(Portal::DefenderMultiTenant), "incident-page"),
        Some(Frame::Top)
    );
    assert_eq!(frame_of(Some(Portal::Azure), "no-such-page"), None);
    let ctx = ReportContext {
        page: Some("analytics".into()),
        frame: Frame::Blade,
        origin: "https://sandbox-1.reactblade.portal.azure.net".into(),
        health: Health {
            top: None,
            blade: Some(ProbeResult {
                found: vec!["fusion:1".into()],
                missing: vec![],
            }),
        },
        ..context()
    };
    let value = json(&report(&[element(0, "main", &[])], &ctx).expect("a report"));
    assert_eq!(value["frame"], "blade");
    assert_eq!(value["expect"]["fusion"], true);
    assert!(value["about"]
        .as_str()
        .is_some_and(|a| a.contains("its blade frame")));
}
