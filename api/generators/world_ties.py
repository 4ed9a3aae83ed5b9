"""Ties between generated entities: a few plausible character relationships and faction members.

Each tie is recorded on one side; core.relationships.mirror_all shows it on the other side
when the generated entities become models (services/world_generation.py).
"""

from __future__ import annotations

from generators.trait_pools import CHARACTER_TIES


def tie_characters(rng, characters: list[dict]) -> None:
    """About one tie for every two characters, never two between the same pair."""
    possible = len(characters) * (len(characters) - 1) // 2
    wanted = min(possible, len(characters) // 2 + 1)
    kinds, weights = zip(*CHARACTER_TIES)
    tied: set[frozenset] = set()
    while len(tied) < wanted:
        a, b = rng.sample(characters, 2)
        pair = frozenset((id(a), id(b)))
        if pair not in tied:
            tied.add(pair)
            tie(*oriented(a, b, rng.choices(kinds, weights)[0]))


def oriented(a: dict, b: dict, kind: str) -> tuple[dict, dict, str]:
    """Parents and mentors are the older side; implausible ties become milder ones."""
    if a["attributes"]["age"] < b["attributes"]["age"]:
        a, b = b, a
    gap = a["attributes"]["age"] - b["attributes"]["age"]
    if kind == "parent_of" and gap < 16:
        kind = "sibling" if gap < 12 else "mentor_of"
    if kind == "mentor_of" and gap < 5:
        kind = "colleague"
    if kind == "spouse" and b["attributes"]["age"] < 18:
        kind = "friend"
    return a, b, kind


def tie(a: dict, b: dict, kind: str) -> None:
    """Record a tie of the kind from a to b."""
    a["ties"].append({"target": b, "type": kind})


def join_factions(rng, characters: list[dict], factions: list[dict]) -> None:
    """About half the characters belong to a faction; some factions get a leader."""
    if not factions:
        return
    for character in characters:
        if rng.random() < 0.5:
            faction = rng.choice(factions)
            character["attributes"]["faction"] = faction["name"]
            tie(character, faction, "member_of")
    for faction in factions:
        members = [c for c in characters if any(t["target"] is faction and t["type"] == "member_of"
                                                 for t in c["ties"])]
        if members and rng.random() < 0.6:
            tie(rng.choice(members), faction, "leader_of")
