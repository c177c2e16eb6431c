//! Network side: accept TCP, terminate TLS, speak HTTP/1.1 with hyper and
//! hand each request to the pure [`crate::respond`].
//!
//! Why separate: keeps the routing testable without sockets, and keeps the
//! I/O small enough to read at a glance.

use std::convert::Infallible;
use std::future::Future;

use http_body_util::Full;
use hyper::body::{Bytes, Incoming};
use hyper::header::{HeaderName, HeaderValue, HOST};
use hyper::service::service_fn;
use hyper::{Method, Request, Response, StatusCode};
use hyper_util::rt::TokioIo;
use tokio::net::TcpListener;
use tokio_rustls::TlsAcceptor;

use crate::respond;

/// Error that stops the server.
#[derive(Debug)]
pub struct ServeError(String);

impl std::fmt::Display for ServeError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for ServeError {}

fn host_of(req: &Request<Incoming>) -> String {
    req.headers()
        .get(HOST)
        .and_then(|v| v.to_str().ok())
        .map(str::to_string)
        .or_else(|| req.uri().host().map(str::to_string))
        .unwrap_or_default()
}

fn handle(req: &Request<Incoming>, log: bool) -> Response<Full<Bytes>> {
    let host = host_of(req);
    let target = req
        .uri()
        .path_and_query()
        .map(|p| p.as_str().to_string())
        .unwrap_or_else(|| "/".to_string());
    let demo = respond(&host, &target);
    let head_only = req.method() == Method::HEAD;
    let status = StatusCode::from_u16(demo.status).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
    if log {
        eprintln!(
            "{} https://{}{} -> {}",
            req.method(),
            host,
            target,
            demo.status
        );
    }
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

/// Serves HTTPS on `listener` (TLS from [`crate::tls::acceptor`]) until
/// `shutdown` completes.
///
/// Each connection runs in its own task; a failing handshake or connection is
/// logged (when `DEMO_PORTAL_LOG=1`) and does not affect the others.
pub async fn serve(
    listener: TcpListener,
    acceptor: TlsAcceptor,
    shutdown: impl Future<Output = ()>,
) -> Result<(), ServeError> {
    let log = std::env::var("DEMO_PORTAL_LOG").is_ok_and(|v| v == "1");
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
        tokio::spawn(async move {
            let tls = match acceptor.accept(tcp).await {
                Ok(tls) => tls,
                Err(e) => {
                    if log {
                        eprintln!("demo-portal: TLS handshake with {peer} failed: {e}");
                    }
                    return;
                }
            };
            let service = service_fn(move |req: Request<Incoming>| async move {
                Ok::<_, Infallible>(handle(&req, log))
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
