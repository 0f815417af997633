//! Gives the wasm's long export names short ones, in the wasm and in its
//! glue alike.
//!
//! wasm-bindgen exports each closure invoker under a name spelled from its
//! Rust types and crate hashes (`wasm_bindgen_a0e2…___convert__closures___
//! __invoke___web_sys_…__HtmlElement__…`, up to 240 characters), written in
//! the wasm's export section and again in the glue. Only the glue reads
//! them (`wasm.name`), so, like the import names (`imports.rs`), they can
//! be short: `x0`, `x1`, … Runs on wasm-bindgen's own glue, before
//! minifying; an export the glue reads that the wasm lacks fails the build.

use crate::unexport::{glue_exports, leb, map_section, push_leb};
use crate::util::Result;
use std::path::Path;

/// Names up to this length stay as they are (`memory`, `start`, …).
const LONG: usize = 24;

/// Applies [`shorten`] to the module `out` in `dist` (`{out}.js`,
/// `{out}.d.ts`, `{out}_bg.wasm`).
pub fn shorten_files(dist: &Path, out: &str) -> Result {
    let path = |ext: &str| dist.join(format!("{out}{ext}"));
    let read = |p: &Path| std::fs::read(p).map_err(|e| format!("{}: {e}", p.display()));
    let text = |p: &Path| String::from_utf8(read(p)?).map_err(|e| format!("{}: {e}", p.display()));
    let (js, dts, wasm) = (text(&path(".js"))?, text(&path(".d.ts"))?, read(&path("_bg.wasm"))?);
    let (js, wasm, renamed) = shorten(&js, &wasm)?;
    let mut dts = dts;
    for (old, new) in &renamed {
        dts = dts.replace(&format!("readonly {old}:"), &format!("readonly {new}:"));
    }
    let write = |p: &Path, bytes: &[u8]| {
        std::fs::write(p, bytes).map_err(|e| format!("{}: {e}", p.display()))
    };
    write(&path(".js"), js.as_bytes())?;
    write(&path(".d.ts"), dts.as_bytes())?;
    write(&path("_bg.wasm"), &wasm)
}

/// Export names changed: (old, new).
type Renamed = Vec<(String, String)>;

/// The glue and the wasm with every export name longer than [`LONG`]
/// shortened; the names changed.
pub fn shorten(js: &str, wasm: &[u8]) -> Result<(String, Vec<u8>, Renamed)> {
    let bad = || "malformed export section: see xtask/src/exports.rs".to_owned();
    let mut renamed = Vec::new();
    let wasm = map_section(wasm, 7, |body| {
        let (count, mut p) = leb(body, 0).ok_or_else(bad)?;
        let mut section = Vec::new();
        push_leb(&mut section, count);
        for _ in 0..count {
            let (len, at) = leb(body, p).ok_or_else(bad)?;
            let name = body.get(at..at + len).ok_or_else(bad)?;
            let name = std::str::from_utf8(name).map_err(|_| bad())?;
            let (_, end) = leb(body, at + len + 1).ok_or_else(bad)?;
            let kept = if name.len() > LONG {
                let short = format!("x{}", renamed.len());
                renamed.push((name.to_owned(), short.clone()));
                short
            } else {
                name.to_owned()
            };
            push_leb(&mut section, kept.len());
            section.extend_from_slice(kept.as_bytes());
            section.extend_from_slice(&body[at + len..end]);
            p = end;
        }
        Ok(section)
    })?;
    let exported: Vec<&str> = renamed.iter().map(|(old, _)| old.as_str()).collect();
    if let Some(missing) =
        glue_exports(js).iter().find(|n| n.len() > LONG && !exported.contains(&n.as_str()))
    {
        return Err(format!("the glue reads wasm.{missing}, which the wasm does not export"));
    }
    // Each `wasm.name` with the whole name matched (never a prefix).
    let mut out = String::with_capacity(js.len());
    let mut rest = js;
    while let Some(at) = rest.find("wasm.") {
        let (before, after) = rest.split_at(at + 5);
        out.push_str(before);
        let end = after.find(|c: char| !c.is_alphanumeric() && c != '_' && c != '$');
        let name = &after[..end.unwrap_or(after.len())];
        match renamed.iter().find(|(old, _)| old == name) {
            Some((_, new)) => out.push_str(new),
            None => out.push_str(name),
        }
        rest = &after[name.len()..];
    }
    out.push_str(rest);
    Ok((out, wasm, renamed))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::unexport::tests::module;

    #[test]
    fn long_names_become_short_in_both_files() {
        let long = "wasm_bindgen_0123456789abcdef___convert__closures";
        let longer = "wasm_bindgen_0123456789abcdef___convert__closures_2";
        let js = format!("f(wasm.{long}); g(wasm.{longer}, wasm.memory); wasm.start();");
        let (out, wasm, renamed) =
            shorten(&js, &module(&["memory", long, longer, "start"])).unwrap();
        assert_eq!(out, "f(wasm.x0); g(wasm.x1, wasm.memory); wasm.start();");
        assert_eq!(wasm, module(&["memory", "x0", "x1", "start"]));
        assert_eq!(renamed.len(), 2);
        // The glue reading a long export the wasm lacks is refused.
        assert!(shorten(&format!("wasm.{long}_3()"), &module(&[long])).is_err());
    }
}
