"""`kbgen eval`: extraction and resolution measured against a folder of human-annotated articles
(a folder with a judged list of seeds instead is kbgen.judged's).

The gold folder holds `articles/<doc>.txt` and `gold.jsonl` (one line per article:
`{"doc", "entities": [{"text", "type", "start", "end", "wikidata"?, "core"?}]}`, offsets in code
points). Mention-level and entity-level scores follow the definitions of the corpus's reference
scorer, so both give the same figures on the same predictions; resolution is scored with B-cubed
over the gold mentions that carry a Wikidata ID.
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from kbgen.articles import Article
from kbgen.errors import BuildError, Problem

TYPES = ("PER", "ORG", "LOC")


@dataclass(frozen=True)
class Span:
    start: int
    end: int
    type: str
    text: str
    cluster: str = ""  # gold: Wikidata ID or 'NIL'; predicted: entity slug


Docs = dict[str, list[Span]]


def normalize(surface: str) -> str:
    """A name as compared at entity level: Unicode-compatible form, plain apostrophes and
    dashes, single spaces, no punctuation at either end, no case."""
    text = unicodedata.normalize("NFKC", surface).translate(str.maketrans("’ʼ–—", "''--"))
    text = re.sub(r"\s+", " ", text).strip()
    text = re.sub(r"^[\W_]+|[\W_]+$", "", text)
    return text.casefold()


def load_gold(folder: Path, gold_span: str = "core") -> tuple[dict[str, str], Docs]:
    """The articles' texts and their gold mentions (PER/ORG/LOC only)."""
    gold_file = folder / "gold.jsonl"
    if not gold_file.is_file():
        raise BuildError(
            [
                Problem(
                    gold_file,
                    None,
                    "no gold.jsonl in the gold folder",
                    "pass a folder holding articles/ and gold.jsonl",
                )
            ]
        )
    texts, gold = {}, {}
    for number, line in enumerate(gold_file.read_text("utf-8").splitlines(), 1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
            doc = record["doc"]
            spans = []
            for e in record["entities"]:
                if e["type"] not in TYPES:
                    continue
                if gold_span == "core" and "core" in e:
                    e = dict(e, **e["core"])
                spans.append(Span(int(e["start"]), int(e["end"]), e["type"], e["text"], e.get("wikidata") or "NIL"))
        except (ValueError, KeyError, TypeError) as exc:
            raise BuildError(
                [
                    Problem(
                        gold_file,
                        number,
                        f"malformed gold record ({exc})",
                        'each line must be {"doc", "entities": [...]}',
                    )
                ]
            ) from None
        article = folder / "articles" / f"{doc}.txt"
        if not article.is_file():
            raise BuildError(
                [
                    Problem(
                        gold_file,
                        number,
                        f"no article text {article}",
                        "put each document's text in articles/<doc>.txt",
                    )
                ]
            )
        texts[doc] = article.read_text("utf-8")
        gold[doc] = spans
    return texts, gold


def resolved_entities(articles: list[Article], nlp, curation=None) -> list:
    """The entities kbgen resolves from the articles' mentions, as a build would, and its
    homonyms (a shared surname's mentions name a person, whichever it is)."""
    from kbgen.extract import extract, language_of
    from kbgen.ner import without_common_words
    from kbgen.resolve import resolve

    language = language_of(nlp)
    mentions = without_common_words(extract(articles, nlp), articles, language).mentions
    resolution = resolve(mentions, articles, curation, language=language)
    return [*resolution.entities, *resolution.homonyms]


def predict(texts: dict[str, str], nlp, curation=None, raw: bool = False) -> Docs:
    """kbgen's mentions for each text, typed by their resolved entity; or, with `raw`, the
    model's own spans untouched (the baseline)."""
    from kbgen.extract import language_of

    if raw:
        return {
            doc: [
                Span(e.start_char, e.end_char, e.label_, e.text, f"{e.label_}:{normalize(e.text)}")
                for e in nlp(text).ents
                if e.label_ in TYPES
            ]
            for doc, text in texts.items()
        }
    code = language_of(nlp).code
    articles = [Article(doc, Path(doc), doc, None, code, None, text, text) for doc, text in texts.items()]
    predicted: Docs = {doc: [] for doc in texts}
    for entity in resolved_entities(articles, nlp, curation):
        if entity.type in TYPES:
            for m in entity.mentions:
                predicted[m.article].append(Span(m.start, m.end, entity.type, m.text, entity.slug))
    return {doc: sorted(spans, key=lambda s: (s.start, s.end)) for doc, spans in predicted.items()}


def _overlap_pairs(gold: list[Span], pred: list[Span], typed: bool) -> list[tuple[int, int]]:
    """One-to-one matching of overlapping spans, largest overlap first."""
    candidates = sorted(
        (-(min(g.end, p.end) - max(g.start, p.start)), gi, pi)
        for gi, g in enumerate(gold)
        for pi, p in enumerate(pred)
        if min(g.end, p.end) > max(g.start, p.start) and (g.type == p.type or not typed)
    )
    used_gold, used_pred, pairs = set(), set(), []
    for _, gi, pi in candidates:
        if gi not in used_gold and pi not in used_pred:
            used_gold.add(gi)
            used_pred.add(pi)
            pairs.append((gi, pi))
    return pairs


def score(gold: Docs, pred: Docs) -> dict[str, dict[str, dict[str, float]]]:
    """P/R/F1 per type and micro-averaged at the strict, overlap, overlap-untyped and entity levels."""
    counts: dict[str, dict[str, Counter[str]]] = {
        level: {t: Counter() for t in TYPES} for level in ("strict", "overlap", "overlap-untyped", "entity")
    }
    for doc, gold_spans in gold.items():
        pred_spans = pred.get(doc, [])
        for t in TYPES:
            g = [s for s in gold_spans if s.type == t]
            p = [s for s in pred_spans if s.type == t]
            exact = len({(s.start, s.end) for s in g} & {(s.start, s.end) for s in p})
            counts["strict"][t].update(gold=len(g), pred=len(p), tp_gold=exact, tp_pred=exact)
            g_names = {normalize(s.text) for s in g} - {""}
            p_names = {normalize(s.text) for s in p} - {""}
            both = len(g_names & p_names)
            counts["entity"][t].update(gold=len(g_names), pred=len(p_names), tp_gold=both, tp_pred=both)
        for level, typed in (("overlap", True), ("overlap-untyped", False)):
            pairs = _overlap_pairs(gold_spans, pred_spans, typed)
            for t in TYPES:
                counts[level][t].update(
                    gold=sum(s.type == t for s in gold_spans),
                    pred=sum(s.type == t for s in pred_spans),
                    tp_gold=sum(gold_spans[gi].type == t for gi, _ in pairs),
                    tp_pred=sum(pred_spans[pi].type == t for _, pi in pairs),
                )
    scores = {}
    for level, per_type in counts.items():
        total = sum(per_type.values(), Counter())
        scores[level] = {t: _prf(c) for t, c in [*per_type.items(), ("micro", total)]}
    return scores


def _prf(c: Counter) -> dict[str, float]:
    p = c["tp_pred"] / c["pred"] if c["pred"] else 0.0
    r = c["tp_gold"] / c["gold"] if c["gold"] else 0.0
    return {"P": p, "R": r, "F1": 2 * p * r / (p + r) if p + r else 0.0, "gold": c["gold"], "pred": c["pred"]}


def bcubed(gold: Docs, pred: Docs) -> dict[str, float]:
    """B-cubed precision/recall of resolution over gold mentions with a Wikidata ID that a
    predicted mention overlaps: are mentions of one ID on one entity page, and of different
    IDs on different pages? Clusters span the whole corpus."""
    linked = []  # (gold ID, predicted entity) per matched mention
    total = 0
    for doc, gold_spans in gold.items():
        with_id = [s for s in gold_spans if s.cluster != "NIL"]
        total += len(with_id)
        pred_spans = pred.get(doc, [])
        linked += [
            (with_id[gi].cluster, pred_spans[pi].cluster) for gi, pi in _overlap_pairs(with_id, pred_spans, typed=False)
        ]
    by_gold, by_pred, both = Counter(g for g, _ in linked), Counter(p for _, p in linked), Counter(linked)
    if not linked:
        return {"P": 0.0, "R": 0.0, "F1": 0.0, "mentions": 0, "coverage": 0.0}
    precision = sum(both[pair] / by_pred[pair[1]] for pair in linked) / len(linked)
    recall = sum(both[pair] / by_gold[pair[0]] for pair in linked) / len(linked)
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {
        "P": precision,
        "R": recall,
        "F1": f1,
        "mentions": len(linked),
        "coverage": len(linked) / total if total else 0.0,
    }


def confusions(gold: Docs, pred: Docs, top: int = 8) -> dict[str, list[tuple[str, int]]]:
    """The most frequent errors: type confusions, missed names, spurious names."""
    mistyped: Counter[str] = Counter()
    missed: Counter[str] = Counter()
    spurious: Counter[str] = Counter()
    for doc, gold_spans in gold.items():
        pred_spans = pred.get(doc, [])
        pairs = _overlap_pairs(gold_spans, pred_spans, typed=False)
        for gi, pi in pairs:
            if gold_spans[gi].type != pred_spans[pi].type:
                mistyped[
                    f"{gold_spans[gi].type}->{pred_spans[pi].type}: {gold_spans[gi].text} / {pred_spans[pi].text}"
                ] += 1
        matched_gold, matched_pred = {gi for gi, _ in pairs}, {pi for _, pi in pairs}
        missed.update(f"{s.type}: {s.text}" for i, s in enumerate(gold_spans) if i not in matched_gold)
        spurious.update(f"{s.type}: {s.text}" for i, s in enumerate(pred_spans) if i not in matched_pred)
    return {
        name: c.most_common(top)
        for name, c in (("type confusions", mistyped), ("missed", missed), ("spurious", spurious))
    }


def predictions_jsonl(pred: Docs) -> str:
    """Predictions in the gold format, for the reference scorer."""
    return "".join(
        json.dumps(
            {
                "doc": doc,
                "entities": [
                    {"text": s.text, "type": s.type, "start": s.start, "end": s.end, "entity": s.cluster} for s in spans
                ],
            },
            ensure_ascii=False,
        )
        + "\n"
        for doc, spans in sorted(pred.items())
    )


def report(scores, resolution, errors) -> str:
    lines = [f"{'level':<16} {'type':<6} {'P':>6} {'R':>6} {'F1':>6} {'gold':>6} {'pred':>6}"]
    for level, per_type in scores.items():
        for t, s in per_type.items():
            lines.append(
                f"{level:<16} {t:<6} {s['P'] * 100:6.1f} {s['R'] * 100:6.1f} {s['F1'] * 100:6.1f} {s['gold']:6d} {s['pred']:6d}"
            )
    lines.append(
        f"resolution (B-cubed over {resolution['mentions']} linked gold mentions, "
        f"{resolution['coverage'] * 100:.1f}% of those with an ID): "
        f"P {resolution['P'] * 100:.1f}  R {resolution['R'] * 100:.1f}  F1 {resolution['F1'] * 100:.1f}"
    )
    for name, items in errors.items():
        lines.append(f"worst {name}:")
        lines.extend(f"  {n:4d}  {what}" for what, n in items)
    return "\n".join(lines)
