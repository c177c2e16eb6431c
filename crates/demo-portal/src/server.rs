//! Network side: accept TCP, terminate TLS, speak HTTP/1.1 with hyper and
//! hand each request to the pure [`crate::route`].
//!
//! Why separate: keeps the routing testable without sockets, and keeps the
//! I/O small enough to read at a glance. Per request the server copies out
//! the method, host, target, three headers and a capped body, locks the demo
//! state only while the router runs, and sleeps (without holding the lock or
//! blocking other connections) when the reply asks for a delay.

use std::convert::Infallible;
use std::future::Future;
use std::sync::{Arc, Mutex, PoisonError};

use http_body_util::{BodyExt, Full, Limited};
use hyper::body::{Bytes, Incoming};
use hyper::header::{HeaderName, HeaderValue, AUTHORIZATION, CONTENT_TYPE, HOST, ORIGIN};
use hyper::http::request::Parts;
use hyper::service::service_fn;
use hyper::{Request, Response, StatusCode};
use hyper_util::rt::TokioIo;
use ring::rand::SecureRandom;
use tokio::net::TcpListener;
use tokio_rustls::TlsAcceptor;

use crate::request::{DemoRequest, Method, Reply};
use crate::routes::DemoResponse;
use crate::scenarios::{self, ArmData};
use crate::state::DemoState;

/// Largest request body read (token requests and account choices are far smaller).
pub const MAX_BODY_BYTES: usize = 64 * 1024;

/// Error that stops the server.
#[derive(Debug)]
pub struct ServeError(String);

impl std::fmt::Display for ServeError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for ServeError {}

/// What every connection shares.
struct Shared {
    data: &'static ArmData,
    state: Mutex<DemoState>,
    log: bool,
}

fn host_of(parts: &Parts) -> String {
    parts
        .headers
        .get(HOST)
        .and_then(|v| v.to_str().ok())
        .map(str::to_string)
        .or_else(|| parts.uri.host().map(str::to_string))
        .unwrap_or_default()
}

fn unix_now() -> i64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| i64::try_from(d.as_secs()).unwrap_or(i64::MAX))
}

fn to_hyper(demo: DemoResponse, head_only: bool) -> Response<Full<Bytes>> {
    let status = StatusCode::from_u16(demo.status).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
    let body = if head_only {
        Bytes::new()
    } else {
        Bytes::from(demo.body)
    };
    let mut resp = Response::new(Full::new(body));
    *resp.status_mut() = status;
    for (name, value) in demo.headers {
        if let (Ok(n), Ok(v)) = (
            HeaderName::from_bytes(name.as_bytes()),
            HeaderValue::from_str(&value),
        ) {
            resp.headers_mut().append(n, v);
        }
    }
    resp
}

async fn handle(req: Request<Incoming>, shared: Arc<Shared>) -> Response<Full<Bytes>> {
    let (parts, body) = req.into_parts();
    let host = host_of(&parts);
    let target = parts
        .uri
        .path_and_query()
        .map_or_else(|| "/".to_string(), |p| p.as_str().to_string());
    let method = Method::parse(parts.method.as_str());
    let header = |name| {
        parts
            .headers
            .get(name)
            .and_then(|v| v.to_str().ok())
            .map(str::to_string)
    };
    let reply = match Limited::new(body, MAX_BODY_BYTES).collect().await {
        Ok(collected) => {
            let request = DemoRequest {
                method,
                host: host.clone(),
                target: target.clone(),
                authorization: header(AUTHORIZATION),
                content_type: header(CONTENT_TYPE),
                origin: header(ORIGIN),
                body: collected.to_bytes().to_vec(),
                now_unix: unix_now(),
            };
            let mut state = shared.state.lock().unwrap_or_else(PoisonError::into_inner);
            crate::route(shared.data, &mut state, &request)
        }
        Err(_) => Reply::from(DemoResponse {
            status: 413,
            headers: vec![("Content-Type", "text/plain; charset=utf-8".to_string())],
            body: b"request body too large or unreadable\n".to_vec(),
        }),
    };
    if shared.log {
        let delayed = reply
            .delay
            .map(|d| format!(" (after {} s)", d.as_secs()))
            .unwrap_or_default();
        eprintln!(
            "{} https://{}{} -> {}{delayed}",
            parts.method, host, target, reply.response.status
        );
    }
    if let Some(delay) = reply.delay {
        tokio::time::sleep(delay).await;
    }
    to_hyper(reply.response, method == Method::Head)
}

/// Serves HTTPS on `listener` (TLS from [`crate::tls::acceptor`]) until
/// `shutdown` completes.
///
/// Each connection runs in its own task; a failing handshake or connection is
/// logged (when `DEMO_PORTAL_LOG=1`) and does not affect the others. Fails at
/// once when the ARM scenario data is invalid or no random secret can be had.
pub async fn serve(
    listener: TcpListener,
    acceptor: TlsAcceptor,
    shutdown: impl Future<Output = ()>,
) -> Result<(), ServeError> {
    let data = scenarios::data().map_err(|e| ServeError(e.to_string()))?;
    let mut secret = [0u8; 32];
    ring::rand::SystemRandom::new()
        .fill(&mut secret)
        .map_err(|_| ServeError("no random secret for codes and tokens".to_string()))?;
    let shared = Arc::new(Shared {
        data,
        state: Mutex::new(DemoState::new(secret)),
        log: std::env::var("DEMO_PORTAL_LOG").is_ok_and(|v| v == "1"),
    });
    tokio::pin!(shutdown);
    loop {
        let (tcp, peer) = tokio::select! {
            () = &mut shutdown => return Ok(()),
            accepted = listener.accept() => match accepted {
                Ok(pair) => pair,
                Err(e) => {
                    eprintln!("demo-portal: accept failed: {e}");
                    continue;
                }
            },
        };
        let acceptor = acceptor.clone();
        let shared = Arc::clone(&shared);
        tokio::spawn(async move {
            let log = shared.log;
            let tls = match acceptor.accept(tcp).await {
                Ok(tls) => tls,
                Err(e) => {
                    if log {
                        eprintln!("demo-portal: TLS handshake with {peer} failed: {e}");
                    }
                    return;
                }
            };
            let service = service_fn(move |req: Request<Incoming>| {
                let shared = Arc::clone(&shared);
                async move { Ok::<_, Infallible>(handle(req, shared).await) }
            });
            if let Err(e) = hyper::server::conn::http1::Builder::new()
                .serve_connection(TokioIo::new(tls), service)
                .await
            {
                if log {
                    eprintln!("demo-portal: connection from {peer} ended with error: {e}");
                }
            }
        });
    }
}
