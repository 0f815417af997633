//! A small static file server for the demo and the browser tests: GET and
//! HEAD only, files under a few folders of the workspace, on 127.0.0.1.

use crate::util::{Result, root};
use std::io::{BufRead, BufReader, Read, Write};
use std::net::{SocketAddr, TcpListener, TcpStream};
use std::path::{Component, Path, PathBuf};

/// The folders (relative to the workspace root) the server may read.
const SERVED: &[&str] = &["demo/", "pkg/", "engine/templates/", "tests/fixtures/"];

/// A bound server.
pub struct Server {
    listener: TcpListener,
}

impl Server {
    /// Binds 127.0.0.1:`port` (0 picks a free port).
    pub fn bind(port: u16) -> Result<Server> {
        let listener = TcpListener::bind(("127.0.0.1", port))
            .map_err(|e| format!("cannot listen on 127.0.0.1:{port}: {e}"))?;
        Ok(Server { listener })
    }

    /// The address it listens on.
    pub fn addr(&self) -> SocketAddr {
        self.listener.local_addr().expect("a bound listener has an address")
    }

    /// Serves until the process ends, one thread per connection.
    pub fn run_forever(self) {
        for stream in self.listener.incoming().flatten() {
            std::thread::spawn(move || {
                let _ = handle(stream);
            });
        }
    }

    /// Serves in a background thread; returns the address.
    pub fn spawn(self) -> SocketAddr {
        let addr = self.addr();
        std::thread::spawn(move || self.run_forever());
        addr
    }
}

fn handle(mut stream: TcpStream) -> std::io::Result<()> {
    stream.set_read_timeout(Some(std::time::Duration::from_secs(10)))?;
    let mut reader = BufReader::new(stream.try_clone()?);
    let mut request = String::new();
    reader.by_ref().take(8192).read_line(&mut request)?;
    // Skip the headers.
    let mut line = String::new();
    while reader.by_ref().take(8192).read_line(&mut line)? > 2 {
        line.clear();
    }
    let mut parts = request.split_whitespace();
    let (method, target) = (parts.next().unwrap_or(""), parts.next().unwrap_or("/"));
    if method != "GET" && method != "HEAD" {
        return respond(
            &mut stream,
            "405 Method Not Allowed",
            "text/plain",
            b"GET or HEAD only\n",
            true,
        );
    }
    let path = target.split(['?', '#']).next().unwrap_or("/");
    if path == "/" {
        let head = "HTTP/1.1 302 Found\r\nLocation: /demo/\r\nContent-Length: 0\r\nConnection: close\r\n\r\n";
        return stream.write_all(head.as_bytes());
    }
    match resolve(path) {
        Some(file) => match std::fs::read(&file) {
            Ok(body) => respond(&mut stream, "200 OK", mime(&file), &body, method == "GET"),
            Err(_) => respond(&mut stream, "404 Not Found", "text/plain", b"not found\n", true),
        },
        None => respond(&mut stream, "404 Not Found", "text/plain", b"not found\n", true),
    }
}

/// The file a URL path names, if it is inside a served folder.
fn resolve(url_path: &str) -> Option<PathBuf> {
    let decoded = percent_decode(url_path.trim_start_matches('/'))?;
    let rel = Path::new(&decoded);
    if rel.components().any(|c| !matches!(c, Component::Normal(_))) {
        return None;
    }
    let as_dir = format!("{}/", decoded.trim_end_matches('/'));
    if !SERVED.iter().any(|s| decoded.starts_with(s) || as_dir == *s) {
        return None;
    }
    let full = root().join(rel);
    if full.is_dir() { Some(full.join("index.html")) } else { Some(full) }
}

fn percent_decode(s: &str) -> Option<String> {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' {
            let hex = s.get(i + 1..i + 3)?;
            out.push(u8::from_str_radix(hex, 16).ok()?);
            i += 3;
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    String::from_utf8(out).ok()
}

fn mime(path: &Path) -> &'static str {
    match path.extension().and_then(|e| e.to_str()).unwrap_or("") {
        "html" => "text/html; charset=utf-8",
        "js" | "mjs" => "text/javascript; charset=utf-8",
        "css" => "text/css; charset=utf-8",
        "json" => "application/json",
        "wasm" => "application/wasm",
        "svg" => "image/svg+xml",
        "png" => "image/png",
        "ts" => "text/plain; charset=utf-8",
        _ => "application/octet-stream",
    }
}

fn respond(
    stream: &mut TcpStream,
    status: &str,
    mime: &str,
    body: &[u8],
    with_body: bool,
) -> std::io::Result<()> {
    let head = format!(
        "HTTP/1.1 {status}\r\nContent-Type: {mime}\r\nContent-Length: {}\r\nCache-Control: no-store\r\nX-Content-Type-Options: nosniff\r\nConnection: close\r\n\r\n",
        body.len()
    );
    stream.write_all(head.as_bytes())?;
    if with_body {
        stream.write_all(body)?;
    }
    stream.flush()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn serves_only_inside_the_allowed_folders() {
        assert!(resolve("/demo/index.html").is_some());
        assert!(resolve("/demo/").is_some());
        assert!(resolve("/demo").is_some());
        assert!(resolve("/pkg/dist/hitforms.js").is_some());
        assert!(resolve("/Cargo.toml").is_none());
        assert!(resolve("/demo/../Cargo.toml").is_none());
        assert!(resolve("/demo/%2e%2e/Cargo.toml").is_none());
        assert!(resolve("/demo/%zz").is_none());
        assert!(resolve("/xtask/src/main.rs").is_none());
    }
}
