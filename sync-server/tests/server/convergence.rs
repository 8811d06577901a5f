//! Three devices holding one profile, plus their own, make random concurrent edits and sync in
//! random orders; in the end every replica is equal.

use mcommunity_core::ids::ProfileId;

use crate::support::{Phone, Server, kind, profile, text};

struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
}

const WORDS: &[&str] = &["ujë", "rrugë", "dritë", "шума", "vodа", "school", "bridge", "sot", "nesër", "！"];

#[tokio::test]
async fn random_concurrent_edits_converge_on_every_replica() {
    for seed in 1..=12u64 {
        let mut rng = Rng(seed.wrapping_mul(0x9E37_79B9_7F4A_7C15));
        let server = Server::new();
        let phones = [Phone::new(&server).await, Phone::new(&server).await, Phone::new(&server).await];
        let (pid, shared) = phones[0].device(|d| {
            let p = d.create_profile(&profile("Shared")).unwrap();
            let draft = d.create_draft(kind()).unwrap();
            d.update_draft(&draft.id, text("start")).unwrap();
            (p.id.parse::<ProfileId>().unwrap(), draft.id)
        });
        phones[0].sync().await;
        for phone in &phones[1..] {
            phone.pair_from(&phones[0], pid).await;
            phone.sync().await;
        }
        for _ in 0..30 {
            let phone = &phones[rng.below(3)];
            match rng.below(4) {
                0 => {
                    phone.sync().await;
                }
                1 | 2 => {
                    let word = WORDS[rng.below(WORDS.len())];
                    let at = rng.next() as usize;
                    phone.device(|d| {
                        d.open_profile(&pid.to_string(), None).unwrap();
                        let mut words: Vec<String> =
                            d.draft(&shared).unwrap().text.split(' ').map(str::to_owned).collect();
                        let at = at % (words.len() + 1);
                        words.insert(at, word.to_owned());
                        d.update_draft(&shared, text(&words.join(" "))).unwrap();
                    });
                }
                _ => phone.device(|d| {
                    d.open_profile(&pid.to_string(), None).unwrap();
                    let draft = d.create_draft(kind()).unwrap();
                    d.update_draft(&draft.id, text(&format!("new {}", rng.next() % 1000))).unwrap();
                }),
            }
        }
        for _ in 0..2 {
            for phone in &phones {
                phone.sync().await;
            }
        }
        let states: Vec<Vec<(String, String)>> = phones
            .iter()
            .map(|phone| {
                phone.device(|d| {
                    d.open_profile(&pid.to_string(), None).unwrap();
                    let mut all: Vec<(String, String)> = d
                        .drafts()
                        .unwrap()
                        .into_iter()
                        .map(|s| {
                            let text = d.draft(&s.id).unwrap().text;
                            (s.id, text)
                        })
                        .collect();
                    all.sort();
                    all
                })
            })
            .collect();
        assert_eq!(states[0], states[1], "seed {seed}: phones 0 and 1 differ");
        assert_eq!(states[1], states[2], "seed {seed}: phones 1 and 2 differ");
        assert!(states[0].iter().any(|(id, _)| *id == shared));
    }
}
