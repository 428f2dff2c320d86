"""Speaker detection on sentences written in each form MOFA records use, and on mere mentions."""
from __future__ import annotations

import pytest

from summitsite.speakers import find_speakers

CASES = [
    # (passage text, speakers as written, in order)
    ("プーチン大統領より、日露関係は重要である旨発言した。", ["プーチン大統領"]),
    ("これに対し総理より、決意である旨述べた。", ["総理"]),
    ("同席のイワノフ外相より、歓迎している旨発言があった。", ["イワノフ外相"]),
    ("これに対し小泉総理は、努力したい旨発言した。", ["小泉総理"]),
    ("小泉総理は黙って聴いていた。", []),
    ("プーチン大統領は黙って注意深く聴いていた。", []),
    ("総理より、訪朝に際してのプーチン大統領からの助言に感謝すると述べた。", ["総理"]),
    ("日本側よりUNDCPを通じるロシア国境警備隊への協力も重要である。", []),
    ("クルチャトフ研究所からプルトニウム処分の提案が行われている。", []),
    ("ソ連からロシアへの変化は革命と呼んでも良い旨述べた。", []),
    ("より多くの協力しなければならない分野がある。", []),
    ("自分は日露関係に新たな息吹を吹き込むために訪露した。", []),
    ("これに対し小泉総理が、重要であると考えている旨述べたところ、プーチン大統領は、近い旨述べた。",
     ["小泉総理", "プーチン大統領"]),
    ("総理より、鑑賞した旨指摘し、プーチン大統領は暖かい評価に感謝する旨発言した。", ["総理", "プーチン大統領"]),
    ("プーチン大統領より、本日総理が劇場で献花したことに感謝する旨述べた。", ["プーチン大統領"]),
    ("岸田総理大臣から、謝意を述べた。", ["岸田総理大臣"]),
    ("バイデン大統領からは、歓迎の意が表明された。", ["バイデン大統領"]),
    ("大統領よりも、同様の発言があった。", ["大統領"]),
    ("ブッシュ大統領は、協力する旨発言した", ["ブッシュ大統領"]),
    ("盧大統領より謝意が表明され、盧武鉉大統領は続けて説明した。", ["盧大統領", "盧武鉉大統領"]),
    ("両首脳は、協力を強化することで一致した。", ["両首脳"]),
    ("双方は、引き続き協議することを確認した。", ["双方"]),
    ("先方より、説明があった。", ["先方"]),
    ("これに対しプーチン大統領は、行動計画は新しい種類の文書である旨述べた。", ["プーチン大統領"]),
    ("小泉総理より、ITERの誘致について協力を要請した。", ["小泉総理"]),
    ("さらに総理より以下の通り述べた。", ["総理"]),
    ("金正日は話ができる人間であると思う。", []),
    ("プーチン大統領と金正日主席の関係もある。", []),
    ("温家宝総理が、経済関係について説明した。", ["温家宝総理"]),
    ("胡錦濤国家主席からは、発言があった。", ["胡錦濤国家主席"]),
    ("日本側より、協力の用意がある旨表明した。", ["日本側"]),
    ("石破防衛庁長官の訪露が成果をもたらすことを期待する。", []),
]


@pytest.mark.parametrize("text,expected", CASES)
def test_speakers(text, expected):
    assert find_speakers([text]) == expected


def test_speaker_accuracy_summary(capsys):
    """Per-speaker precision and recall over all cases (reported in the issue note)."""
    tp = fp = fn = 0
    for text, expected in CASES:
        got = find_speakers([text])
        tp += len([s for s in got if s in expected])
        fp += len([s for s in got if s not in expected])
        fn += len([s for s in expected if s not in got])
    precision, recall = tp / (tp + fp), tp / (tp + fn)
    print(f"speaker detection on {len(CASES)} synthetic passages: precision {precision:.3f}, recall {recall:.3f}")
    assert precision == 1.0 and recall == 1.0


def test_heading_line_names_a_speaker():
    assert find_speakers(["(温家宝総理)", "経済関係は重要である。"]) == ["温家宝総理"]
    assert find_speakers(["（胡錦濤国家主席）"]) == ["胡錦濤国家主席"]
