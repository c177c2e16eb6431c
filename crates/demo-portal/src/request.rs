//! The request as routing sees it, and the reply routing returns.
//!
//! Why a plain struct: the server copies out of hyper only what routing needs (method, host,
//! target, three headers, a small body and the clock), so every decision (portal pages,
//! sign-in, tokens, ARM scenarios, injected faults) is made by pure functions that tests call
//! without sockets. A reply may ask the server to wait before answering (the `err-timeout`
//! scenario); the router only decides, the server sleeps without blocking other connections.

use std::time::Duration;

use crate::routes::DemoResponse;

/// HTTP method, reduced to the ones the demo tells apart.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Method {
    /// `GET`.
    Get,
    /// `HEAD` (routed like `GET`; the server drops the body).
    Head,
    /// `POST`.
    Post,
    /// `OPTIONS` (CORS preflight).
    Options,
    /// Anything else.
    Other,
}

impl Method {
    /// Reads a method token (case-sensitive, as HTTP defines it).
    pub fn parse(token: &str) -> Method {
        match token {
            "GET" => Method::Get,
            "HEAD" => Method::Head,
            "POST" => Method::Post,
            "OPTIONS" => Method::Options,
            _ => Method::Other,
        }
    }

    /// `GET` or `HEAD`.
    pub fn is_read(self) -> bool {
        matches!(self, Method::Get | Method::Head)
    }

    /// The method's name, for messages.
    pub fn name(self) -> &'static str {
        match self {
            Method::Get => "GET",
            Method::Head => "HEAD",
            Method::Post => "POST",
            Method::Options => "OPTIONS",
            Method::Other => "OTHER",
        }
    }
}

/// One request, independent of any HTTP library.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DemoRequest {
    /// The method.
    pub method: Method,
    /// `Host` header (port and trailing dot allowed).
    pub host: String,
    /// Request target as sent: path and query (`/subscriptions?api-version=2022-12-01`).
    pub target: String,
    /// `Authorization` header.
    pub authorization: Option<String>,
    /// `Content-Type` header.
    pub content_type: Option<String>,
    /// `Origin` header.
    pub origin: Option<String>,
    /// Request body (the server caps its size).
    pub body: Vec<u8>,
    /// Current time, Unix seconds.
    pub now_unix: i64,
}

impl DemoRequest {
    /// A request without headers or body, at time 0.
    pub fn new(method: Method, host: &str, target: &str) -> Self {
        DemoRequest {
            method,
            host: host.to_string(),
            target: target.to_string(),
            authorization: None,
            content_type: None,
            origin: None,
            body: Vec::new(),
            now_unix: 0,
        }
    }

    /// `GET host target`.
    pub fn get(host: &str, target: &str) -> Self {
        Self::new(Method::Get, host, target)
    }

    /// `POST host target` with a form body.
    pub fn post_form(host: &str, target: &str, form: &str) -> Self {
        let mut r = Self::new(Method::Post, host, target);
        r.content_type = Some("application/x-www-form-urlencoded".to_string());
        r.body = form.as_bytes().to_vec();
        r
    }

    /// The same request with `Authorization: Bearer <token>`.
    pub fn bearer(mut self, token: &str) -> Self {
        self.authorization = Some(format!("Bearer {token}"));
        self
    }

    /// The same request with an `Origin` header.
    pub fn with_origin(mut self, origin: &str) -> Self {
        self.origin = Some(origin.to_string());
        self
    }

    /// The same request at another time.
    pub fn at(mut self, now_unix: i64) -> Self {
        self.now_unix = now_unix;
        self
    }

    /// The path: the target up to `?` or `#`.
    pub fn path(&self) -> &str {
        self.target.split(['?', '#']).next().unwrap_or_default()
    }

    /// The query: after the first `?`, up to `#` (empty when there is none).
    pub fn query(&self) -> &str {
        self.target
            .split('#')
            .next()
            .and_then(|t| t.split_once('?'))
            .map(|(_, q)| q)
            .unwrap_or_default()
    }

    /// The decoded query parameters, in order.
    pub fn query_params(&self) -> Vec<(String, String)> {
        parse_form(self.query().as_bytes())
    }

    /// Whether the body is declared as `application/x-www-form-urlencoded`.
    pub fn has_form_body(&self) -> bool {
        self.content_type.as_deref().is_some_and(|ct| {
            ct.split(';').next().is_some_and(|m| {
                m.trim()
                    .eq_ignore_ascii_case("application/x-www-form-urlencoded")
            })
        })
    }
}

/// Decodes `application/x-www-form-urlencoded` data (a query string or a form body).
pub fn parse_form(data: &[u8]) -> Vec<(String, String)> {
    form_urlencoded::parse(data).into_owned().collect()
}

/// The first value of `name` (exact match) in decoded parameters.
pub fn param<'a>(params: &'a [(String, String)], name: &str) -> Option<&'a str> {
    params
        .iter()
        .find(|(k, _)| k == name)
        .map(|(_, v)| v.as_str())
}

/// The answer to one request.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Reply {
    /// What to send.
    pub response: DemoResponse,
    /// How long the server waits before sending it (`None`: at once).
    pub delay: Option<Duration>,
}

impl From<DemoResponse> for Reply {
    fn from(response: DemoResponse) -> Self {
        Reply {
            response,
            delay: None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn path_query_and_params() {
        let r = DemoRequest::get("h", "/a/b?x=1&y=a%20b&x=2#frag");
        assert_eq!(r.path(), "/a/b");
        assert_eq!(r.query(), "x=1&y=a%20b&x=2");
        let p = r.query_params();
        assert_eq!(param(&p, "x"), Some("1"));
        assert_eq!(param(&p, "y"), Some("a b"));
        assert_eq!(param(&p, "z"), None);
        let r = DemoRequest::get("h", "/only");
        assert_eq!(r.query(), "");
        assert!(r.query_params().is_empty());
    }

    #[test]
    fn form_content_type() {
        let r = DemoRequest::post_form("h", "/t", "a=1");
        assert!(r.has_form_body());
        let mut r2 = r.clone();
        r2.content_type = Some("Application/X-WWW-Form-Urlencoded; charset=UTF-8".into());
        assert!(r2.has_form_body());
        r2.content_type = Some("application/json".into());
        assert!(!r2.has_form_body());
        r2.content_type = None;
        assert!(!r2.has_form_body());
    }

    #[test]
    fn methods() {
        assert_eq!(Method::parse("GET"), Method::Get);
        assert_eq!(Method::parse("get"), Method::Other);
        assert!(Method::Head.is_read());
        assert!(!Method::Post.is_read());
        assert_eq!(Method::Options.name(), "OPTIONS");
    }
}
