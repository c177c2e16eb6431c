//! Provider names of facts.md §4.6, their case and spacing variants, and the rest.

use super::*;

#[test]
fn known_names_any_case() {
    let cases = [
        ("Microsoft XDR", Provider::MicrosoftXdr),
        ("microsoft xdr", Provider::MicrosoftXdr),
        (" MICROSOFT XDR\t", Provider::MicrosoftXdr),
        ("Microsoft 365 Defender", Provider::Microsoft365Defender),
        ("microsoft 365 defender", Provider::Microsoft365Defender),
        ("Azure Sentinel", Provider::AzureSentinel),
        ("AZURE SENTINEL", Provider::AzureSentinel),
    ];
    for (name, provider) in cases {
        assert_eq!(
            Provider::from_name(name).as_ref(),
            Some(&provider),
            "{name:?}"
        );
    }
}

#[test]
fn defender_xdr_is_either_xdr_name() {
    assert!(Provider::MicrosoftXdr.is_defender_xdr());
    assert!(Provider::Microsoft365Defender.is_defender_xdr());
    assert!(!Provider::AzureSentinel.is_defender_xdr());
    assert!(!Provider::Other("Microsoft XDR Preview".into()).is_defender_xdr());
}

#[test]
fn others_are_kept_by_name_blank_is_none() {
    assert_eq!(
        Provider::from_name(" Microsoft Defender for Cloud "),
        Some(Provider::Other("Microsoft Defender for Cloud".into()))
    );
    // Near misses are not guessed into a known provider.
    assert_eq!(
        Provider::from_name("MicrosoftXDR"),
        Some(Provider::Other("MicrosoftXDR".into()))
    );
    for blank in ["", " ", "\t\n"] {
        assert_eq!(Provider::from_name(blank), None, "{blank:?}");
    }
}

#[test]
fn travels_as_tagged_json() {
    let json = |p: &Provider| serde_json::to_string(p).unwrap_or_default();
    assert_eq!(json(&Provider::MicrosoftXdr), r#"{"kind":"microsoft-xdr"}"#);
    assert_eq!(
        json(&Provider::Microsoft365Defender),
        r#"{"kind":"microsoft-365-defender"}"#
    );
    assert_eq!(
        json(&Provider::AzureSentinel),
        r#"{"kind":"azure-sentinel"}"#
    );
    let other = Provider::Other("<i>x</i>".into());
    assert_eq!(json(&other), r#"{"kind":"other","name":"<i>x</i>"}"#);
    assert_eq!(
        serde_json::from_str::<Provider>(&json(&other)).ok(),
        Some(other)
    );
}
