//! `demo-portal [--port N] [--bind ADDR]`: runs the impersonated portals.
//!
//! Contract (tests and the demo depend on it): once listening, prints exactly
//! one JSON line `{"port":N,"hosts":[...]}` to stdout, then serves until
//! SIGTERM or Ctrl-C. Diagnostics go to stderr.

use std::io::Write;
use std::net::{IpAddr, Ipv4Addr, SocketAddr};
use std::process::ExitCode;

const USAGE: &str = "usage: demo-portal [--port N] [--bind ADDR]\n  \
--port N     TCP port (default 0 = ephemeral)\n  \
--bind ADDR  IP address to bind (default 127.0.0.1)\n\
Set DEMO_PORTAL_LOG=1 to log one line per request to stderr.";

struct Args {
    port: u16,
    bind: IpAddr,
}

fn parse_args() -> Result<Option<Args>, String> {
    let mut args = Args {
        port: 0,
        bind: IpAddr::V4(Ipv4Addr::LOCALHOST),
    };
    let mut it = std::env::args().skip(1);
    while let Some(arg) = it.next() {
        let (flag, inline) = match arg.split_once('=') {
            Some((f, v)) if f.starts_with("--") => (f.to_string(), Some(v.to_string())),
            _ => (arg.clone(), None),
        };
        match flag.as_str() {
            "-h" | "--help" => return Ok(None),
            "--port" | "--bind" => {
                let value = inline
                    .or_else(|| it.next())
                    .ok_or_else(|| format!("{flag} needs a value"))?;
                if flag == "--port" {
                    args.port = value
                        .parse()
                        .map_err(|_| format!("invalid port: {value}"))?;
                } else {
                    args.bind = value
                        .parse()
                        .map_err(|_| format!("invalid bind address: {value}"))?;
                }
            }
            other => return Err(format!("unknown argument: {other}")),
        }
    }
    Ok(Some(args))
}

async fn shutdown_signal() {
    #[cfg(unix)]
    {
        use tokio::signal::unix::{signal, SignalKind};
        match signal(SignalKind::terminate()) {
            Ok(mut term) => {
                tokio::select! {
                    _ = tokio::signal::ctrl_c() => {}
                    _ = term.recv() => {}
                }
            }
            Err(_) => {
                let _ = tokio::signal::ctrl_c().await;
            }
        }
    }
    #[cfg(not(unix))]
    {
        let _ = tokio::signal::ctrl_c().await;
    }
}

#[tokio::main]
async fn main() -> ExitCode {
    let args = match parse_args() {
        Ok(Some(a)) => a,
        Ok(None) => {
            println!("{USAGE}");
            return ExitCode::SUCCESS;
        }
        Err(e) => {
            eprintln!("demo-portal: {e}\n{USAGE}");
            return ExitCode::from(2);
        }
    };
    let addr = SocketAddr::new(args.bind, args.port);
    let listener = match tokio::net::TcpListener::bind(addr).await {
        Ok(l) => l,
        Err(e) => {
            eprintln!("demo-portal: cannot bind {addr}: {e}");
            return ExitCode::FAILURE;
        }
    };
    let port = match listener.local_addr() {
        Ok(a) => a.port(),
        Err(e) => {
            eprintln!("demo-portal: cannot read local address: {e}");
            return ExitCode::FAILURE;
        }
    };
    // Build TLS before announcing readiness, so the ready line means "serving".
    let acceptor = match demo_portal::tls::acceptor() {
        Ok(a) => a,
        Err(e) => {
            eprintln!("demo-portal: {e}");
            return ExitCode::FAILURE;
        }
    };
    // Field order as documented: {"port":N,"hosts":[...]}.
    let hosts = serde_json::to_string(demo_portal::DEMO_HOSTS).unwrap_or_else(|_| "[]".to_string());
    let ready = format!("{{\"port\":{port},\"hosts\":{hosts}}}");
    let mut out = std::io::stdout().lock();
    if writeln!(out, "{ready}").and_then(|()| out.flush()).is_err() {
        eprintln!("demo-portal: cannot write the ready line to stdout");
        return ExitCode::FAILURE;
    }
    drop(out);
    match demo_portal::serve(listener, acceptor, shutdown_signal()).await {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("demo-portal: {e}");
            ExitCode::FAILURE
        }
    }
}
