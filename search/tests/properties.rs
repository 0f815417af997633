//! Properties over random datasets: every participation holding all query
//! words is found, results are ordered, and the binary form loads back to
//! the same answers; random bytes never make the loader panic.

use hitforms_search::fold::tokens;
use hitforms_search::{Dataset, Index, Partner, Project, Query, binary};
use proptest::prelude::*;

const WORDS: &[&str] = &[
    "rural",
    "Räte",
    "energy",
    "museum",
    "škola",
    "universität",
    "Erfurt",
    "maribor",
    "heat",
    "lab",
    "port",
    "water",
    "öko",
    "net",
];

fn text() -> impl Strategy<Value = String> {
    prop::collection::vec(prop::sample::select(WORDS), 0..4).prop_map(|w| w.join(" "))
}

fn dataset() -> impl Strategy<Value = Dataset> {
    let partner =
        (text(), text(), text(), 0u32..3).prop_map(|(organisation, department, town, project)| {
            Partner { organisation, department, town, project, ..Partner::default() }
        });
    let project = (text(), text()).prop_map(|(acronym, title)| Project {
        acronym,
        title,
        ..Project::default()
    });
    (prop::collection::vec(project, 3), prop::collection::vec(partner, 0..30))
        .prop_map(|(projects, partners)| Dataset::from_parts(projects, partners))
}

fn words_of(data: &Dataset, doc: usize) -> Vec<String> {
    let p = &data.partners[doc];
    let project = data.project_of(p);
    [&p.organisation, &p.department, &p.town, &project.acronym, &project.title]
        .iter()
        .flat_map(|t| tokens(t))
        .collect()
}

proptest! {
    #[test]
    fn every_participation_with_all_words_is_found(data in dataset(), query in text()) {
        let index = Index::new(data);
        let mut q = Query::new(&query);
        q.limit = usize::MAX;
        let results = index.search(&q);
        let wanted = tokens(&query);
        let found: Vec<u32> = results.hits.iter().map(|h| h.doc).collect();
        prop_assert_eq!(results.total, found.len());
        for doc in 0..index.len() {
            let words = words_of(&index.data, doc);
            if wanted.iter().all(|w| words.contains(w)) {
                prop_assert!(found.contains(&(doc as u32)), "doc {} missing for {:?}", doc, query);
            }
        }
        prop_assert!(results.hits.windows(2).all(|w| (w[0].matched, w[0].score) >= (w[1].matched, w[1].score)));
        let loaded = binary::read(&binary::write(&index)).unwrap();
        prop_assert_eq!(loaded.search(&q), results);
    }

    #[test]
    fn a_filter_keeps_exactly_what_it_allows(data in dataset(), query in text(), country in "(DE|AT|SI)") {
        let index = Index::new(data);
        let mut q = Query::new(&query);
        q.limit = usize::MAX;
        q.filters.country = Some(country.to_lowercase());
        let results = index.search(&q);
        let found: Vec<u32> = results.hits.iter().map(|h| h.doc).collect();
        let wanted = tokens(&query);
        for doc in 0..index.len() {
            let in_country = index.data.partners[doc].country == country;
            if !in_country {
                prop_assert!(!found.contains(&(doc as u32)), "doc {} outside {}", doc, country);
            } else if wanted.iter().all(|w| words_of(&index.data, doc).contains(w)) {
                prop_assert!(found.contains(&(doc as u32)), "doc {} missing", doc);
            }
        }
    }

    #[test]
    fn random_bytes_never_panic(mut bytes in prop::collection::vec(any::<u8>(), 0..400)) {
        let _ = binary::read(&bytes);
        if bytes.len() >= 12 {
            bytes[..4].copy_from_slice(binary::MAGIC);
            bytes[4..6].copy_from_slice(&binary::VERSION.to_le_bytes());
            let _ = binary::read(&bytes);
        }
    }
}

proptest! {
    #[test]
    fn a_name_match_outranks_a_department_match_outranks_a_town_match(
        word in prop::sample::select(WORDS),
        filler in text(),
    ) {
        let folded = tokens(word);
        prop_assume!(folded.len() == 1 && !tokens(&filler).contains(&folded[0]));
        let with = |name: &str, department: &str, town: &str| Partner {
            organisation: format!("{filler} {name}"),
            department: format!("{filler} {department}"),
            town: format!("{filler} {town}"),
            ..Partner::default()
        };
        let partners = vec![with("", "", word), with("", word, ""), with(word, "", "")];
        let index = Index::new(Dataset::from_parts(vec![Project::default()], partners));
        let order: Vec<u32> = index.search(&Query::new(&format!("{word} "))).hits.iter().map(|h| h.doc).collect();
        prop_assert_eq!(order, vec![2, 1, 0]);
    }
}
