//! Minifies `src/style.css` into `$OUT_DIR/style.css` for `include_str!`:
//! comments dropped, whitespace collapsed and dropped around `{ } ; , :`
//! (after `:` only, so `a :hover` keeps its meaning). The source stays
//! readable; the module carries 1.1 KB less CSS (docs/decisions.md).

fn main() {
    let src = std::path::Path::new("src/style.css");
    println!("cargo::rerun-if-changed={}", src.display());
    let css = std::fs::read_to_string(src).expect("src/style.css");
    let out = std::path::PathBuf::from(std::env::var_os("OUT_DIR").expect("OUT_DIR"));
    std::fs::write(out.join("style.css"), minify(&css)).expect("write the minified CSS");
}

/// `css` without comments and without the whitespace CSS does not need.
fn minify(css: &str) -> String {
    let mut text = String::new();
    let mut rest = css;
    while let Some(at) = rest.find("/*") {
        text.push_str(&rest[..at]);
        rest = rest[at..].find("*/").map_or("", |end| &rest[at + end + 2..]);
    }
    text.push_str(rest);
    let mut out = String::with_capacity(text.len());
    let mut space = false;
    for c in text.chars() {
        if c.is_whitespace() {
            space = true;
            continue;
        }
        let tight = |c: char| matches!(c, '{' | '}' | ';' | ',');
        if space && !out.is_empty() && !tight(c) && !out.ends_with(|p| tight(p) || p == ':') {
            out.push(' ');
        }
        space = false;
        if c == '}' && out.ends_with(';') {
            out.pop();
        }
        out.push(c);
    }
    out
}
