//! Lists in pages: `{"value":[…],"nextLink":"https://management.azure.com/…&$skipToken=…"}`.
//!
//! Why every list pages the same way: ARM's contract is "follow `nextLink` until it is
//! absent", whatever the resource, so one rule (50 items a page, an absolute `nextLink` on
//! management.azure.com with the same path and api-version plus `$skipToken`) serves every
//! list; only long ones (contoso's analytics rules) actually get a second page. The skip
//! token is opaque to clients but readable here: base64url of `offset=N`.

use serde_json::Value;

use super::error;
use crate::ids::{b64url, b64url_decode};
use crate::request::DemoRequest;
use crate::routes::DemoResponse;

/// Items per page.
pub const PAGE_SIZE: usize = 50;

/// The skip token for `offset`.
pub fn skip_token(offset: usize) -> String {
    b64url(format!("offset={offset}").as_bytes())
}

/// The offset a request's `$skipToken` (any case) asks for; 0 without one, a 400 when unreadable.
pub fn offset(req: &DemoRequest) -> Result<usize, DemoResponse> {
    let params = req.query_params();
    let Some((_, token)) = params
        .iter()
        .find(|(k, _)| k.eq_ignore_ascii_case("$skipToken"))
    else {
        return Ok(0);
    };
    b64url_decode(token)
        .and_then(|b| String::from_utf8(b).ok())
        .and_then(|t| t.strip_prefix("offset=").and_then(|n| n.parse().ok()))
        .ok_or_else(|| {
            error::error(
                400,
                "InvalidSkipToken",
                &format!("The skip token '{token}' is not valid."),
            )
        })
}

/// The page of `items` starting at `offset`, with a `nextLink` when more follow.
pub fn page(items: Vec<Value>, offset: usize, path: &str, api_version: &str) -> Value {
    let total = items.len();
    let value: Vec<Value> = items.into_iter().skip(offset).take(PAGE_SIZE).collect();
    let mut body = serde_json::json!({ "value": value });
    let next = offset.saturating_add(PAGE_SIZE);
    if next < total {
        body["nextLink"] = Value::String(format!(
            "https://management.azure.com{path}?api-version={api_version}&$skipToken={}",
            skip_token(next)
        ));
    }
    body
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    fn items(n: usize) -> Vec<Value> {
        (0..n).map(|i| serde_json::json!(i)).collect()
    }

    #[test]
    fn pages_and_next_links() {
        let p = page(items(73), 0, "/subscriptions", "2022-12-01");
        assert_eq!(p["value"].as_array().unwrap().len(), 50);
        let next = p["nextLink"].as_str().unwrap();
        assert!(next.starts_with(
            "https://management.azure.com/subscriptions?api-version=2022-12-01&$skipToken="
        ));
        let req = DemoRequest::get(
            "management.azure.com",
            next.trim_start_matches("https://management.azure.com"),
        );
        let off = offset(&req).unwrap();
        assert_eq!(off, 50);
        let p2 = page(items(73), off, "/subscriptions", "2022-12-01");
        assert_eq!(p2["value"].as_array().unwrap().len(), 23);
        assert_eq!(p2["value"][0], 50);
        assert!(p2.get("nextLink").is_none());
        let exact = page(items(50), 0, "/x", "v");
        assert!(exact.get("nextLink").is_none());
    }

    #[test]
    fn skip_tokens() {
        let ok = DemoRequest::get("h", &format!("/x?%24skiptoken={}", skip_token(7)));
        assert_eq!(offset(&ok).unwrap(), 7);
        assert_eq!(
            offset(&DemoRequest::get("h", "/x?api-version=1")).unwrap(),
            0
        );
        let bad = DemoRequest::get("h", "/x?$skipToken=nope!");
        let r = offset(&bad).unwrap_err();
        assert_eq!(r.status, 400);
        let past = DemoRequest::get("h", &format!("/x?$skipToken={}", skip_token(500)));
        let p = page(items(3), offset(&past).unwrap(), "/x", "v");
        assert!(p["value"].as_array().unwrap().is_empty());
    }
}
