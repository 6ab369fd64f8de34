"""CoNLL-U: the linguistic analysis, one block per sentence."""
from __future__ import annotations

from kroniek.doc import Document


def _col(v: str) -> str:
    return v if v else "_"


def to_conllu(doc: Document) -> str:
    lines: list[str] = []
    for si, s in enumerate(doc.sentences, 1):
        lines.append(f"# doc_id = {doc.id}")
        lines.append(f"# sent_id = {doc.id}:{si}")
        lines.append("# text = " + doc.text[s.start : s.end].replace("\n", " "))
        base = s.token_start
        for t in doc.tokens[s.token_start : s.token_end]:
            head = (t.head - base + 1) if t.head >= 0 else 0
            last = t.i + 1 == s.token_end
            misc = "_" if t.space_after or (last and doc.text[t.end : t.end + 1] in ("", "\n")) else "SpaceAfter=No"
            deprel = t.deprel or ("root" if head == 0 and t.upos else "_")
            lines.append(
                "\t".join(
                    [
                        str(t.i - base + 1),
                        t.text,
                        _col(t.lemma),
                        _col(t.upos),
                        _col(t.xpos),
                        _col(t.feats),
                        str(head) if t.deprel or t.upos else "_",
                        deprel,
                        "_",
                        misc,
                    ]
                )
            )
        lines.append("")
    return "\n".join(lines) + ("\n" if lines else "")
