//! The real keep.eu and Swedish files, when the data folder is present
//! ($HITFORMS_DATA, else ../shared/data; skipped on a machine without it):
//! the import survives their known flaws and the search finds by folding.

use hitforms_search::import::{default_data_dir, import};
use hitforms_search::{Index, Query};

#[test]
fn imports_and_searches_the_real_files() {
    let dir = default_data_dir();
    let dir = if dir.is_relative() {
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("..").join(dir)
    } else {
        dir
    };
    let names = [
        "keep_eucicop/keep_2014_2020_partners.csv",
        "keep_eucicop/keep_2014_2020_projects.csv",
        "interregbarometern_se/se_partners_2021_2027.csv",
    ];
    let Ok(files) = names
        .iter()
        .map(|n| std::fs::read(dir.join(n)).map(|b| (*n, b)))
        .collect::<Result<Vec<_>, _>>()
    else {
        eprintln!("no data folder at {}: skipped", dir.display());
        return;
    };
    let sources: Vec<(&str, &[u8])> = files.iter().map(|(n, b)| (*n, b.as_slice())).collect();
    let (data, problems) = import(&sources).expect("the real files import");
    // 8,621 keep.eu participations and 1,196 Swedish ones; a bad row is
    // reported, never fatal, and there must be few.
    assert!(
        data.partners.len() + problems.iter().filter(|p| p.skipped).count() >= 8_621 + 1_196 - 10
    );
    assert!(problems.len() < 100, "{:#?}", &problems[..problems.len().min(20)]);
    assert!(data.projects.len() >= 1_852);
    let with_description = data.projects.iter().filter(|p| !p.description.is_empty()).count();
    assert!(with_description > 1_500, "{with_description}");
    let index = Index::new(data);
    let r = index.search(&Query::new("padagogische"));
    assert!(r.total > 0);
    let first = &index.data.partners[r.hits[0].doc as usize].organisation;
    assert!(first.contains("Pädagogische") || first.contains("PÄDAGOGISCHE"), "{first}");
    let similar = index.similar("cross-border cycling tourism routes along rivers", 5);
    assert_eq!(similar.len(), 5);
    assert!(!similar[0].shared.is_empty());
}
