//! Minifies `src/style.css` (the default theme the element adopts) into
//! `OUT_DIR/style.css`: comments and insignificant whitespace dropped,
//! quoted strings kept as written. The stylesheet ships inside the wasm;
//! minified it is ~40 % smaller there (docs/decisions.md, "Size, measured").

use std::{env, fs, path::Path};

fn main() {
    println!("cargo:rerun-if-changed=src/style.css");
    let css = fs::read_to_string("src/style.css").expect("src/style.css");
    let out = Path::new(&env::var("OUT_DIR").expect("OUT_DIR")).join("style.css");
    fs::write(out, minify(&css)).expect("writing the minified stylesheet");
}

/// The stylesheet without comments and without whitespace next to `{ } ; , >`
/// or after `:`; other whitespace runs become one space; a `;` before `}` goes.
fn minify(css: &str) -> String {
    let mut out = String::with_capacity(css.len());
    let mut chars = css.chars().peekable();
    let mut space = false;
    while let Some(c) = chars.next() {
        match c {
            '/' if chars.peek() == Some(&'*') => {
                chars.next();
                let mut last = ' ';
                for d in chars.by_ref() {
                    if last == '*' && d == '/' {
                        break;
                    }
                    last = d;
                }
                space = true;
            }
            '"' | '\'' => {
                flush_space(&mut out, &mut space, c);
                out.push(c);
                while let Some(d) = chars.next() {
                    out.push(d);
                    if d == '\\' {
                        out.extend(chars.next());
                    } else if d == c {
                        break;
                    }
                }
            }
            c if c.is_whitespace() => space = true,
            '{' | '}' | ';' | ',' | '>' | ':' => {
                if c == '}' && out.ends_with(';') {
                    out.pop();
                }
                // A space before ':' may be a descendant combinator (`a :hover`).
                if c == ':' {
                    flush_space(&mut out, &mut space, c);
                }
                space = false;
                out.push(c);
                while chars.peek().is_some_and(|d| d.is_whitespace()) {
                    chars.next();
                }
            }
            c => {
                flush_space(&mut out, &mut space, c);
                out.push(c);
            }
        }
    }
    out
}

/// Writes a pending space unless it would follow a character that needs none.
fn flush_space(out: &mut String, space: &mut bool, _next: char) {
    if *space && !out.is_empty() && !out.ends_with(['{', '}', ';', ',', '>', ':']) {
        out.push(' ');
    }
    *space = false;
}
