//! One sort for everything ordered by where it is in the text (and for anything else ordered by
//! a pair of numbers, such as the schema's structs by address). `sort_by_key` is generic over
//! the element and the key, so every call site linked a copy of the whole sort into the wasm
//! (about 5 KB each); here the sort is one function and only the final swaps are generic.

/// Sorts `items` by `key` (byte offsets, compared as a pair), stably: items with equal keys
/// keep their order.
pub(crate) fn by_offsets<T>(items: &mut [T], key: impl Fn(&T) -> (usize, usize)) {
    let keys: Vec<(usize, usize)> = items.iter().map(key).collect();
    for (place, from) in swaps(keys).into_iter().enumerate() {
        items.swap(place, from);
    }
}

/// The swaps that sort items with these keys: at each place in turn, swap it with the place
/// given.
fn swaps(keys: Vec<(usize, usize)>) -> Vec<usize> {
    let mut keyed: Vec<(usize, usize, usize)> = keys.into_iter().enumerate().map(|(i, (a, b))| (a, b, i)).collect();
    // The index last makes an unstable sort stable.
    keyed.sort_unstable();
    let count = keyed.len();
    // Where each item is now, and which item each place holds, as the swaps move them.
    let mut position: Vec<usize> = (0..count).collect();
    let mut held: Vec<usize> = (0..count).collect();
    let mut swaps = Vec::with_capacity(count);
    for (place, &(_, _, wanted)) in keyed.iter().enumerate() {
        let from = position[wanted];
        swaps.push(from);
        let displaced = held[place];
        held[from] = displaced;
        position[displaced] = from;
        held[place] = wanted;
        position[wanted] = place;
    }
    swaps
}

#[cfg(test)]
mod tests {
    use super::by_offsets;

    #[test]
    fn sorts_by_the_key_and_keeps_the_order_of_equal_keys() {
        let mut items = vec![(5, 'a'), (1, 'b'), (5, 'c'), (0, 'd'), (1, 'e'), (3, 'f'), (5, 'g')];
        by_offsets(&mut items, |&(offset, _)| (offset, 0));
        let letters: String = items.iter().map(|&(_, c)| c).collect();
        assert_eq!(letters, "dbefacg");
    }

    #[test]
    fn the_second_offset_breaks_ties() {
        let mut items = vec![(2, 9), (2, 3), (1, 7), (2, 3)];
        by_offsets(&mut items, |&pair| pair);
        assert_eq!(items, [(1, 7), (2, 3), (2, 3), (2, 9)]);
    }

    #[test]
    fn every_permutation_of_five_is_sorted() {
        let mut permutation = [0usize, 1, 2, 3, 4];
        // Heap's algorithm, iteratively: all 120 orders of five distinct keys.
        let mut c = [0usize; 5];
        let check = |p: &[usize; 5]| {
            let mut items: Vec<(usize, usize)> = p.iter().enumerate().map(|(i, &k)| (k / 2, i)).collect();
            by_offsets(&mut items, |&(k, _)| (k, 0));
            assert!(
                items.windows(2).all(|w| w[0].0 < w[1].0 || (w[0].0 == w[1].0 && w[0].1 < w[1].1)),
                "{p:?}: {items:?}"
            );
        };
        check(&permutation);
        let mut i = 1;
        while i < 5 {
            if c[i] < i {
                permutation.swap(if i % 2 == 0 { 0 } else { c[i] }, i);
                check(&permutation);
                c[i] += 1;
                i = 1;
            } else {
                c[i] = 0;
                i += 1;
            }
        }
    }
}
