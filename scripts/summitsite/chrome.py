"""The MOFA site's own lines around a record (menus, breadcrumb, section line, captions, footers),
recognised by exact whole-line forms: a line that is not one of these forms is the record's.

Every function takes a line already NFKC-normalised and stripped (``normal.norm``). Where a form
may stand is the parser's business: a section line only above the title, a footer line only in the
run of such lines that ends the page (a body line such as 'ロシアへ戻る' elsewhere stays body).
"""
from __future__ import annotations

import re

# The words of MOFA's menu bars (top and bottom of the page), old site and new.
MENU_WORDS = frozenset({
    "外務省", "English", "リンクページ", "よくある質問集", "検索", "サイトマップ", "外務省案内",
    "渡航関連情報", "各国・地域情勢", "外交政策", "ODA", "会談・訪問", "報道・広報", "キッズ外務省",
    "資料・公開情報", "各種手続き", "記者会見", "政策", "国・地域", "会見・発表・広報", "渡航・滞在",
    "申請・手続き", "外務省について", "ホーム", "トップページ", "Language", "文字サイズ", "標準", "拡大",
    "日本語", "中文", "한국어", "Русский", "Español", "Português", "Français",
})

# Countries and regions as MOFA names its area pages; a page filed under one carries its name as the
# section line above the title and, on newer pages, '<name>へ戻る' at the end.
AREAS = frozenset("""
アジア 大洋州 北米 中南米 欧州 中東 アフリカ 中東・北アフリカ アフリカ・中東 中央アジア コーカサス
中央アジア・コーカサス 南西アジア 南アジア 東南アジア 北東アジア 東アジア 西欧 中・東欧 北欧 NIS諸国 旧ソ連
国際機関 ASEAN 東南アジア諸国連合 EU 欧州連合 国際連合 国連 G7 G8 G20 APEC 太平洋島嶼国
日本 中国 中華人民共和国 韓国 大韓民国 北朝鮮 朝鮮民主主義人民共和国 モンゴル 台湾 香港 マカオ
インド パキスタン バングラデシュ スリランカ ネパール ブータン モルディブ アフガニスタン
インドネシア カンボジア シンガポール タイ フィリピン ブルネイ ベトナム マレーシア ミャンマー ラオス 東ティモール
オーストラリア ニュージーランド パプアニューギニア フィジー サモア トンガ バヌアツ ソロモン諸島 キリバス
ツバル ナウル パラオ マーシャル諸島 ミクロネシア ミクロネシア連邦 クック諸島 ニウエ
アメリカ アメリカ合衆国 米国 カナダ
メキシコ グアテマラ ホンジュラス エルサルバドル ニカラグア コスタリカ パナマ ベリーズ キューバ ジャマイカ
ハイチ ドミニカ共和国 ドミニカ国 バハマ バルバドス トリニダード・トバゴ グレナダ セントルシア
セントビンセント セントクリストファー・ネーヴィス アンティグア・バーブーダ コロンビア ベネズエラ エクアドル
ペルー ボリビア チリ アルゼンチン ウルグアイ パラグアイ ブラジル ガイアナ スリナム
英国 イギリス アイルランド フランス ドイツ イタリア スペイン ポルトガル オランダ ベルギー ルクセンブルク
スイス オーストリア リヒテンシュタイン モナコ アンドラ サンマリノ バチカン マルタ キプロス ギリシャ
デンマーク スウェーデン ノルウェー フィンランド アイスランド エストニア ラトビア リトアニア
ポーランド チェコ スロバキア ハンガリー ルーマニア ブルガリア スロベニア クロアチア セルビア モンテネグロ
ボスニア・ヘルツェゴビナ 北マケドニア マケドニア アルバニア コソボ トルコ
ロシア ロシア連邦 ウクライナ ベラルーシ モルドバ ジョージア グルジア アルメニア アゼルバイジャン
カザフスタン ウズベキスタン キルギス タジキスタン トルクメニスタン
イラン イラク サウジアラビア アラブ首長国連邦 カタール クウェート バーレーン オマーン イエメン ヨルダン
シリア レバノン イスラエル パレスチナ エジプト リビア チュニジア アルジェリア モロッコ
南アフリカ 南アフリカ共和国 ナイジェリア ケニア エチオピア タンザニア ガーナ セネガル コートジボワール
アンゴラ モザンビーク ウガンダ ルワンダ スーダン 南スーダン ジブチ ソマリア エリトリア マダガスカル
モーリシャス セーシェル コモロ ザンビア ジンバブエ ボツワナ ナミビア レソト エスワティニ スワジランド
マラウイ コンゴ共和国 コンゴ民主共和国 ガボン カメルーン 赤道ギニア 中央アフリカ チャド ニジェール マリ
ブルキナファソ モーリタニア ギニア ギニアビサウ シエラレオネ リベリア トーゴ ベナン ガンビア カーボベルデ
サントメ・プリンシペ ブルンジ
""".split())

# Section lines that name a category of pages rather than a leader or an area.
CATEGORIES = frozenset({
    "報道発表", "プレスリリース", "主な要人の来日日程", "会談・訪問", "首脳会談", "外務省・新着情報", "新着情報",
    "世界地図", "各国・地域情勢", "総理大臣の外国訪問", "総理の外国訪問一覧", "外交青書", "外務大臣",
})

# A leader's section line: '総理大臣', '安倍総理大臣', '内閣総理大臣' (a name of up to four characters).
LEADER = re.compile(r"(?:[\u4e00-\u9fff\u3005]{1,4})?総理大臣")
FOOTER_LINES = frozenset({"目次", "このページのトップへ戻る", "ページのトップへ戻る", "目次へ戻る", "前のページへ戻る",
                          "ページトップへ", "外務省"})
BACK_LINK = re.compile(r"(?P<name>.+)へ戻る")
LINK_LINE = re.compile(r"[^|。、,]{1,40}(?:\s*\|\s*[^|。、,]{1,40})+")
CAPTION = re.compile(r".*\(写真提供:[^()]{1,30}\)")


def is_menu(line: str) -> bool:
    """A menu bar: every space-separated word is one of the site's menu words."""
    words = line.split()
    return bool(words) and all(w in MENU_WORDS for w in words)


def is_breadcrumb(line: str) -> bool:
    """'トップページ 会談・訪問 小泉総理大臣', 'トップページ各国・地域情勢アジア'."""
    return line.startswith("トップページ") and "。" not in line


def is_section(line: str) -> bool:
    """The section line above a title: a leader, a category or an area (with or without spaces)."""
    compact = line.replace(" ", "")
    return bool(LEADER.fullmatch(compact)) or compact in CATEGORIES or compact in AREAS


def is_header(line: str) -> bool:
    """Any line of the site's header: menu, breadcrumb or section line."""
    return is_menu(line) or is_breadcrumb(line) or is_section(line)


def is_caption(line: str) -> bool:
    """A photo caption: '(写真提供:内閣広報室)', '日印首脳会談(写真提供:内閣広報室)'."""
    return bool(CAPTION.fullmatch(line))


def is_footer(line: str) -> bool:
    """A line of the site's footer: back links ('目次へ戻る', 'インドへ戻る'), menu bars, link lines
    joined with '|', and the site's name."""
    if line in FOOTER_LINES or is_menu(line) or LINK_LINE.fullmatch(line):
        return True
    back = BACK_LINK.fullmatch(line)
    return back is not None and is_section(back["name"])
