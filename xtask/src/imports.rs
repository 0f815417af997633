//! Trims the wasm's imports from the glue: drops the import functions the
//! wasm no longer imports and gives the rest short names.
//!
//! wasm-bindgen names each import after its JS function plus a 16-digit
//! hash (`__wbg_remove_8228e91d7ddbc755`), written twice: in the wasm's
//! import section and as a key of the glue's import object. Those names
//! are internal to the pair of files, and their hashes do not compress:
//! short names (`i0`, `i1`, …) take 3.2 KB off the gzip total
//! (docs/decisions.md, "Size, measured"). Import functions that only the
//! exports `unexport.rs` dropped used (wasm-streams') are gone from the wasm
//! after wasm-opt; their glue goes too. Runs before minifying, on
//! wasm-bindgen's own layout, which it checks (an unexpected layout fails
//! the build rather than being mis-edited).

use crate::unexport::{leb, map_section, push_leb};
use crate::util::Result;
use std::path::Path;

/// Where wasm-bindgen's glue declares the import object, and its end.
const START: &str = "    const import0 = {\n        __proto__: null,\n";
const END: &str = "\n    };\n";

/// Applies [`trim`] to the module `out` in `dist` (`{out}.js`, `{out}_bg.wasm`).
pub fn trim_files(dist: &Path, out: &str) -> Result {
    let (js_path, wasm_path) =
        (dist.join(format!("{out}.js")), dist.join(format!("{out}_bg.wasm")));
    let js =
        std::fs::read_to_string(&js_path).map_err(|e| format!("{}: {e}", js_path.display()))?;
    let wasm = std::fs::read(&wasm_path).map_err(|e| format!("{}: {e}", wasm_path.display()))?;
    let (js, wasm) = trim(&js, &wasm, &format!("./{out}_bg.js"))?;
    std::fs::write(&js_path, js).map_err(|e| format!("{}: {e}", js_path.display()))?;
    std::fs::write(&wasm_path, wasm).map_err(|e| format!("{}: {e}", wasm_path.display()))
}

/// The glue and the wasm with unused import functions dropped and the
/// hashed names shortened; `glue` is the module name under which the wasm
/// imports the glue's functions (`./hitforms_bg.js`).
pub fn trim(js: &str, wasm: &[u8], glue: &str) -> Result<(String, Vec<u8>)> {
    let unexpected =
        |what: &str| format!("unexpected wasm-bindgen output ({what}): see xtask/src/imports.rs");
    let names = import_names(wasm, glue)?;
    let from = js.find(START).ok_or_else(|| unexpected("no import object"))? + START.len();
    let to =
        from + js[from..].find(END).ok_or_else(|| unexpected("no end of the import object"))?;
    // One entry per `        name: function…` line, up to the next one.
    let mut entries: Vec<(&str, String)> = Vec::new();
    for line in js[from..to].split_inclusive('\n') {
        let name = line
            .strip_prefix("        ")
            .filter(|l| !l.starts_with(' ') && !l.starts_with('}'))
            .and_then(|l| l.split_once(": function"))
            .map(|(n, _)| n);
        match (name, entries.last_mut()) {
            (Some(name), _) => entries.push((name, line.to_owned())),
            (None, Some((_, text))) => text.push_str(line),
            (None, None) => return Err(unexpected("import object layout")),
        }
    }
    let mut renamed: Vec<(String, String)> = Vec::new();
    let mut object = String::new();
    for (name, text) in &entries {
        let Some(at) = names.iter().position(|n| n == name) else {
            continue; // no longer imported
        };
        let short = if hashed(name) { format!("i{at}") } else { (*name).to_owned() };
        object.push_str(&text.replacen(name, &short, 1));
        renamed.push((name.to_string(), short));
    }
    if let Some(missing) = names.iter().find(|n| !entries.iter().any(|(e, _)| e == n)) {
        return Err(unexpected(&format!("the glue does not define the import {missing}")));
    }
    if object.ends_with('\n') {
        object.pop();
    }
    let js = format!("{}{object}{}", &js[..from], &js[to..]);
    let wasm = rename_imports(wasm, &renamed, glue)?;
    Ok((js, wasm))
}

/// Whether a name ends in wasm-bindgen's `_` + 16 hex digits.
fn hashed(name: &str) -> bool {
    let bytes = name.as_bytes();
    bytes.len() > 17
        && bytes[bytes.len() - 17] == b'_'
        && bytes[bytes.len() - 16..].iter().all(u8::is_ascii_hexdigit)
}

/// Calls `each(module, name, descriptor)` for the entries of the import section.
fn walk_imports(wasm: &[u8], mut each: impl FnMut(&str, &str, &[u8])) -> Result<()> {
    let bad = || "hitforms_bg.wasm: malformed import section".to_owned();
    map_section(wasm, 2, |body| {
        let (count, mut p) = leb(body, 0).ok_or_else(bad)?;
        for _ in 0..count {
            let name = |p: &mut usize| -> Option<&str> {
                let (n, s) = leb(body, *p)?;
                *p = s + n;
                std::str::from_utf8(body.get(s..s + n)?).ok()
            };
            let module = name(&mut p).ok_or_else(bad)?;
            let field = name(&mut p).ok_or_else(bad)?;
            let desc_at = p;
            p = descriptor_end(body, p).ok_or_else(bad)?;
            each(module, field, &body[desc_at..p]);
        }
        Ok(body.to_vec())
    })
    .map(drop)
}

/// The end of an import descriptor (kind byte and type) starting at `p`.
fn descriptor_end(body: &[u8], p: usize) -> Option<usize> {
    let limits = |p: usize| -> Option<usize> {
        let flags = *body.get(p)?;
        let (_, p) = leb(body, p + 1)?;
        if flags & 1 == 1 { leb(body, p).map(|(_, p)| p) } else { Some(p) }
    };
    match *body.get(p)? {
        0 => leb(body, p + 1).map(|(_, p)| p),
        1 => limits(p + 2),
        2 => limits(p + 1),
        3 => Some(p + 3),
        4 => leb(body, p + 2).map(|(_, p)| p),
        _ => None,
    }
}

/// The names the wasm imports from the glue, in import order.
fn import_names(wasm: &[u8], glue: &str) -> Result<Vec<String>> {
    let mut names = Vec::new();
    // Only the glue's own imports: snippets' functions (shim.js, store.js)
    // are imported from their modules under their own names.
    walk_imports(wasm, |module, field, _| {
        if module == glue {
            names.push(field.to_owned());
        }
    })?;
    Ok(names)
}

/// The module with each import named by `renamed` (old, new).
fn rename_imports(wasm: &[u8], renamed: &[(String, String)], glue: &str) -> Result<Vec<u8>> {
    let mut section = Vec::new();
    let mut count = 0;
    walk_imports(wasm, |module, field, desc| {
        let from_glue = module == glue;
        let field =
            renamed.iter().find(|(old, _)| from_glue && old == field).map_or(field, |(_, new)| new);
        for s in [module, field] {
            push_leb(&mut section, s.len());
            section.extend_from_slice(s.as_bytes());
        }
        section.extend_from_slice(desc);
        count += 1;
    })?;
    map_section(wasm, 2, |_| {
        let mut body = Vec::new();
        push_leb(&mut body, count);
        body.extend_from_slice(&section);
        Ok(body)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The form widget's glue module name.
    const MODULE: &str = "./hitforms_bg.js";

    /// A module importing `names` (functions of type 0) from the glue.
    fn module(names: &[&str]) -> Vec<u8> {
        let pairs: Vec<(&str, &str)> = names.iter().map(|n| (MODULE, *n)).collect();
        module_from(&pairs)
    }

    /// A module importing each `(module, name)` (functions of type 0).
    fn module_from(pairs: &[(&str, &str)]) -> Vec<u8> {
        let mut imports = Vec::new();
        push_leb(&mut imports, pairs.len());
        for (from, n) in pairs {
            for s in [*from, *n] {
                push_leb(&mut imports, s.len());
                imports.extend_from_slice(s.as_bytes());
            }
            imports.extend_from_slice(&[0, 0]);
        }
        let mut m = b"\0asm\x01\0\0\0".to_vec();
        m.extend_from_slice(&[1, 4, 1, 0x60, 0, 0]);
        m.push(2);
        push_leb(&mut m, imports.len());
        m.extend_from_slice(&imports);
        m
    }

    const GLUE: &str = "function __wbg_get_imports() {\n    const import0 = {\n        __proto__: null,\n        \
        __wbg_a_0123456789abcdef: function(arg0) {\n            arg0.a();\n        },\n        \
        __wbg_gone_0123456789abcdef: function() { return handleError(function (arg0) {\n            arg0.b();\n        }, arguments); },\n        \
        __wbindgen_init_externref_table: function() {\n        },\n    };\n    return {};\n}\n";

    #[test]
    fn drops_unimported_functions_and_shortens_hashed_names() {
        let wasm = module(&["__wbindgen_init_externref_table", "__wbg_a_0123456789abcdef"]);
        let (js, wasm) = trim(GLUE, &wasm, MODULE).unwrap();
        assert_eq!(
            js,
            "function __wbg_get_imports() {\n    const import0 = {\n        __proto__: null,\n        \
             i1: function(arg0) {\n            arg0.a();\n        },\n        \
             __wbindgen_init_externref_table: function() {\n        },\n    };\n    return {};\n}\n"
        );
        assert_eq!(wasm, module(&["__wbindgen_init_externref_table", "i1"]));
        // An import the glue does not define is an error, not a broken page.
        assert!(trim(GLUE, &module(&["__wbg_other_0123456789abcdef"]), MODULE).is_err());
        assert!(trim("const x = {};", &module(&[]), MODULE).is_err());
    }

    #[test]
    fn snippet_imports_keep_their_module_and_name() {
        // `later` comes from a snippet (shim.js), not from the glue's import
        // object: it is neither required there nor renamed.
        const SHIM: &str = "./snippets/w/src/element/shim.js";
        let wasm = module_from(&[
            (SHIM, "later"),
            (MODULE, "__wbg_a_0123456789abcdef"),
            (MODULE, "__wbindgen_init_externref_table"),
        ]);
        let (js, wasm) = trim(GLUE, &wasm, MODULE).unwrap();
        assert!(js.contains("i0: function(arg0)"), "{js}");
        assert_eq!(
            wasm,
            module_from(&[
                (SHIM, "later"),
                (MODULE, "i0"),
                (MODULE, "__wbindgen_init_externref_table"),
            ])
        );
    }
}
