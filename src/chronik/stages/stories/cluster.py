"""Incremental story clustering: each arriving article joins its best story or opens one.

The join decision is a calibrated probability (logistic model over `pair_features`,
fitted on ECB+ training topics by `bench/stories_ecbplus.py --calibrate`, which also picks
the threshold that maximises training BCubed F1), not a cosine cut-off tuned per corpus.
An article must fit both the story as a whole and, on average, the story's closest
articles (average link): a summed profile names everything any member named and would
otherwise absorb a report of another event with the same leaders. Dates and travel
destinations enter as fixed priors (ECB+ has no dates and few visits).
"""

from __future__ import annotations

import json
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

from chronik.stages.stories.features import DocFreq, Profile, cosine, pair_features

CALIBRATION = Path(__file__).resolve().parents[2] / "resources" / "stories" / "calibration.json"
CANDIDATES = 30  # stories scored in full per article (nearest by embedding)
MAX_LINK = 12  # story members an article is compared with one by one (average link)
LINK_TOP = 3  # ... of which the closest count: a story's reports cover different facets
REFINE_TOP = 3  # stories re-checked by average link when refining an article's place


@dataclass(frozen=True)
class Calibration:
    weights: tuple[float, ...]
    bias: float
    thread: float  # centroid cosine above which two stories belong to one thread
    duplicate: float  # document cosine above which two articles are near-duplicates
    threshold: float = 0.5  # join probability that maximised BCubed F1 on training topics
    impute: tuple[float, float] = (0.0, 0.0)  # tf-idf cosine ~ a + b * embedding cosine
    impute_names: tuple[float, float] = (0.0, 0.0)  # name overlap ~ a + b * embedding cosine

    @classmethod
    def load(cls, path: Path = CALIBRATION) -> Calibration:
        data: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
        prior = data["prior"]
        weights = [*data["weights"], prior["log_day_gap"], prior["date_known"],
                   prior.get("visit_conflict", 0.0)]  # fmt: skip
        return cls(
            tuple(weights), data["bias"], data["thread"], data["duplicate"],
            data.get("threshold", 0.5), tuple(data.get("impute", (0.0, 0.0))),
            tuple(data.get("impute_names", (0.0, 0.0))),
        )  # fmt: skip

    def probability(self, features: list[float]) -> float:
        z = self.bias + sum(w * f for w, f in zip(self.weights, features, strict=True))
        return 1.0 / (1.0 + float(np.exp(-np.clip(z, -30, 30))))


class StoryClusterer:
    """Holds story profiles and document frequencies; assigns articles one at a time."""

    def __init__(self, calibration: Calibration, threshold: float = 0.5) -> None:
        self.calibration = calibration
        self.threshold = threshold
        self.stories: dict[str, Profile] = {}
        self.members: dict[str, list[str]] = {}
        self.df: Counter[str] = DocFreq()
        self.n_docs = 0
        self.profiles: dict[str, Profile] = {}  # article id -> its own profile

    def seed(self, story_id: str, article_id: str, profile: Profile) -> None:
        """Put an article into a known story (rebuilding state from earlier runs)."""
        self._count(profile)
        self._attach(story_id, article_id, profile)

    def add(self, article_id: str, profile: Profile, new_id: str) -> str:
        """Assign one article; returns its story id (`new_id` if it opens a story)."""
        self._count(profile)
        best, best_p = None, self.threshold
        for sid in self._candidates(profile):
            p = self.score(profile, self.stories[sid])
            if p >= best_p:
                p = min(p, self.average_link(profile, self.members[sid]))
            if p >= best_p:
                best, best_p = sid, p
        story_id = best or new_id
        self._attach(story_id, article_id, profile)
        return story_id

    def score(self, a: Profile, b: Profile) -> float:
        cal = self.calibration
        features = pair_features(a, b, self.df, self.n_docs, cal.impute, cal.impute_names)
        return self.calibration.probability(features)

    def average_link(self, profile: Profile, members: list[str]) -> float:
        """Mean join probability against the story's articles one by one.

        A story's summed profile names everything any member named, so a report of
        another event with the same leaders overlaps the sum more than any one member;
        the average over members does not inflate that way (average linkage)."""
        sample = members[:MAX_LINK]
        if len(sample) < 2:
            return 1.0  # a one-article story: its profile is the article's
        scores = sorted((self.score(profile, self.profiles[m]) for m in sample), reverse=True)
        return float(np.mean(scores[:LINK_TOP]))

    def link(self, profile: Profile, sid: str) -> float:
        """Join probability: the story as a whole and its articles on average agree."""
        p = self.score(profile, self.stories[sid])
        return min(p, self.average_link(profile, self.members[sid]))

    def story_score(self, a: str, b: str) -> float:
        """Two stories are one only if each looks like a part of the other as a whole
        (symmetric) and their articles agree on average; a one-article story joins by
        the rule that decides an arrival (so the outcome does not depend on whether the
        article came before or after its story formed)."""
        sa, sb = self.stories[a], self.stories[b]
        p = min(self.score(sa, sb), self.score(sb, sa))
        if p < self.threshold:
            return p
        small, large = sorted((a, b), key=lambda s: (len(self.members[s]), s))
        if len(self.members[small]) == 1:  # one article: the rule that decides an arrival
            only = self.profiles[self.members[small][0]]
            return min(p, self.average_link(only, self.members[large]))
        half = MAX_LINK // 2
        pairs = [self.score(self.profiles[x], self.profiles[y])
                 for x in self.members[a][:half] for y in self.members[b][:half]]  # fmt: skip
        return min(p, float(np.mean(pairs)))

    def _candidates(self, profile: Profile) -> list[str]:
        ids = list(self.stories)
        if len(ids) <= CANDIDATES:
            return ids
        sims = [cosine(profile.vector, self.stories[s].vector) for s in ids]
        return [ids[i] for i in np.argsort(sims)[::-1][:CANDIDATES]]

    def _count(self, profile: Profile) -> None:
        self.df.update(profile.vocabulary())
        self.n_docs += 1

    def _attach(self, story_id: str, article_id: str, profile: Profile) -> None:
        self.profiles[article_id] = profile
        if story_id in self.stories:
            self.stories[story_id].add(profile)
            self.members[story_id].append(article_id)
        else:
            self.stories[story_id] = profile.copy()
            self.members[story_id] = [article_id]

    def place(self, arrivals: list[tuple[str, Profile]], prefix: str = "story-") -> None:
        """Cluster new articles: one incremental pass in arrival order, then refinement and
        merging until nothing moves, so the partition depends little on the order."""
        opened = [self.add(aid, prof, f"{prefix}{aid[:12]}") for aid, prof in arrivals]
        for _ in range(3):
            moved = self.refine(dict(arrivals))
            merged = self.merge_pass([s for s in dict.fromkeys(opened) if s in self.stories])
            if not moved and not merged:
                break

    def refine(self, profiles: dict[str, Profile], rounds: int = 2) -> int:
        """Re-place each of these articles given everything seen (order robustness).

        The first pass decides with the stories as they were when an article arrived; a
        late article can show that an early one belongs elsewhere. A story keeps its id
        while it has members; a singleton that now links to another story moves there.
        Returns how many articles moved."""
        home = {a: s for s, ids in self.members.items() for a in ids}
        total = 0
        for _ in range(rounds):
            moved = 0
            for aid, prof in profiles.items():
                sid = home[aid]
                target = self._move(aid, prof, sid)
                home[aid] = target
                moved += target != sid
            total += moved
            if not moved:
                break
        return total

    def _move(self, aid: str, prof: Profile, sid: str) -> str:
        if self.members[sid] == [aid]:
            links = sorted((o, self.link(prof, o)) for o in self._candidates(prof) if o != sid)
            best, p = max(links, key=lambda pair: pair[1], default=(sid, 0.0))  # ties: lower id
            if p < self.threshold:
                return sid
            del self.stories[sid], self.members[sid]
            self._attach(best, aid, prof)
            return best
        self.stories[sid].remove(prof)
        self.members[sid].remove(aid)
        target = self._best(prof, sid)
        self._attach(target, aid, prof)
        return target

    def _best(self, prof: Profile, home: str) -> str:
        """The story an article fits best (`home` unless another links better); the
        costlier average link is computed for the few best candidates only."""
        coarse = sorted(((self.score(prof, self.stories[o]), o) for o in self._candidates(prof)),
                        reverse=True)[:REFINE_TOP]  # fmt: skip
        options = {o for _, o in coarse} | {home}
        return max(sorted(options), key=lambda o: (self.link(prof, o), o == home))

    def merge_pass(self, story_ids: list[str]) -> dict[str, str]:
        """Merge these stories into others that now look like one, best pair first;
        the larger (then older) story's id survives."""
        merged: dict[str, str] = {}
        for sid in story_ids:
            if sid not in self.stories:
                continue
            scored = [(self.story_score(sid, o), o) for o in sorted(self.stories) if o != sid]
            if not scored:
                continue
            p, target = max(scored)
            if p < self.threshold:
                continue
            keep, drop = sorted((target, sid), key=lambda s: (-len(self.members[s]), s))
            self.stories[keep].add(self.stories.pop(drop))
            self.members[keep].extend(self.members.pop(drop))
            merged[drop] = keep
        return merged

    def threads(self, order: list[str]) -> dict[str, str]:
        """story id -> parent story id: an earlier story close in meaning (same thread)."""
        parents: dict[str, str] = {}
        for i, sid in enumerate(order):
            best, best_sim = None, self.calibration.thread
            for earlier in order[:i]:
                sim = cosine(self.stories[sid].vector, self.stories[earlier].vector)
                if sim >= best_sim:
                    best, best_sim = earlier, sim
            if best is not None:
                parents[sid] = parents.get(best, best)  # thread root, not a chain
        return parents


def fit_logistic(x: np.ndarray, y: np.ndarray, l2: float = 1e-2) -> tuple[np.ndarray, float]:
    """Logistic regression by Newton steps (few features, no sklearn needed)."""
    design = np.hstack([x, np.ones((len(x), 1))])
    w = np.zeros(design.shape[1])
    for _ in range(50):
        p = 1.0 / (1.0 + np.exp(-np.clip(design @ w, -30, 30)))
        grad = design.T @ (p - y) + l2 * w
        hess = design.T @ (design * (p * (1 - p))[:, None]) + l2 * np.eye(len(w))
        step = np.linalg.solve(hess, grad)
        w -= step
        if np.abs(step).max() < 1e-8:
            break
    return w[:-1], float(w[-1])
