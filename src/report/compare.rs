//! What changed for each measure between an earlier round and this one.

use super::build::Item;
use crate::model::{RoundId, TrafficLight};

pub(super) struct Changes {
    /// (index in table order, status then, status now) where they differ.
    pub moves: Vec<(usize, Option<TrafficLight>, Option<TrafficLight>)>,
    /// Indexes of measures completed now but not at the earlier round.
    pub newly_completed: Vec<usize>,
}

pub(super) fn changes(items: &[Item], from: &RoundId, to: &RoundId) -> Changes {
    let mut out = Changes {
        moves: Vec::new(),
        newly_completed: Vec::new(),
    };
    for (i, it) in items.iter().enumerate() {
        let then = it.measure.at_round(from);
        let now = it.measure.at_round(to);
        let (s_then, s_now) = (then.map(|m| m.status), now.map(|m| m.status));
        if s_then != s_now {
            out.moves.push((i, s_then, s_now));
        }
        let done = |m: Option<&crate::model::Monitoring>| {
            m.is_some_and(|m| m.implementation.is_completed())
        };
        if done(now) && !done(then) {
            out.newly_completed.push(i);
        }
    }
    out
}
