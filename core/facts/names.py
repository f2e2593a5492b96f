"""Word lists and normalisation for names: titles, places, organisations, keys.

A person is keyed by surname so that two articles naming "Secretary of State
Antony Blinken" and "Blinken" agree; spelling variants ("Anthony"/"Antony",
"Kiev"/"Kyiv") keep distinct keys but are recognised by
:func:`name_variants_match`, because a variant is itself worth a (low) flag.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from rapidfuzz.distance import Levenshtein

#: Words that name a role before a person's name: stripped from the name.
PERSON_TITLES = frozenset(
    """
    president vice-president premier chancellor minister secretary general king queen prince
    princess pope senator sen. sen rep. rep representative governor gov. gov mayor judge justice
    ambassador spokesman spokeswoman spokesperson mr. mrs. ms. dr. mr mrs ms dr prof. prof professor
    sir dame lord lady coach captain capt. col. colonel gen. lt. lieutenant sgt. sergeant
    detective inspector commissioner attorney deputy speaker leader envoy sheikh emir counsellor
    counselor adviser advisor ceo chairman chairwoman chair director officer manager striker
    midfielder defender goalkeeper forward guard quarterback pitcher star founder owner
    """.split()
)
#: Words that qualify a title ("Foreign Minister", "Chief Executive"): stripped with it.
TITLE_MODIFIERS = frozenset(
    """
    foreign defence defense interior finance trade economy health state home prime chief
    executive former acting deputy vice first crown supreme grand senior junior top general
    assistant associate attorney-general special national security district high federal
    of the for and u.s. us uk un eu
    """.split()
)
ORG_WORDS = frozenset(
    """
    ministry department party council agency bank corp corp. corporation inc inc. ltd ltd.
    llc plc company co. group university college school institute foundation times post news
    network journal herald tribune telegraph guardian press service services court commission
    committee union association federation league club fc united administration government
    parliament congress senate assembly army navy police force forces office bureau board
    authority organisation organization fund trust airlines airways motors holdings media
    television tv radio broadcasting reuters kremlin pentagon nato cabinet embassy images
    centre center museum hospital clinic studio studios labs laboratories systems technologies
    survey sports airline railway railways energy oil petroleum pharmaceuticals entertainment
    """.split()
)
#: Words that end the name of a place: "Lusail Stadium", "Tahrir Square".
PLACE_WORDS = frozenset(
    """
    stadium arena park square street road avenue airport station bridge river lake mountain
    mountains island islands valley hall palace tower field province region county district
    city town village sea ocean bay gulf coast strait desert
    """.split()
)
#: Company-form suffixes papers add or drop at will: "Microsoft Corp" is Microsoft.
CORPORATE_SUFFIXES = frozenset(
    "corp corp. corporation inc inc. ltd ltd. llc plc co co. sa ag nv gmbh holdings group".split()
)
TIME_ZONES = frozenset(
    "gmt utc bst cet cest eet eest wet est edt cst cdt mst mdt pst pdt ist jst kst msk hkt sgt".split()
)
OTHER_WORDS = frozenset(
    """
    olympics games cup championship championships open war agreement accord treaty act bill
    protocol strategy initiative plan summit conference festival award awards prize day
    """.split()
)
PLACES = frozenset(
    """
    afghanistan albania algeria argentina armenia australia austria azerbaijan bahrain
    bangladesh belarus belgium bolivia bosnia brazil britain bulgaria cambodia cameroon canada
    chile china colombia congo croatia cuba cyprus czechia denmark ecuador egypt england
    eritrea estonia ethiopia europe finland france georgia germany ghana greece guatemala haiti
    honduras hungary iceland india indonesia iran iraq ireland israel italy jamaica japan
    jordan kazakhstan kenya korea kosovo kuwait kyrgyzstan laos latvia lebanon libya lithuania
    luxembourg madagascar malaysia mali malta mexico moldova mongolia montenegro morocco
    mozambique myanmar nepal netherlands nicaragua niger nigeria norway oman pakistan palestine
    panama paraguay peru philippines poland portugal qatar romania russia rwanda scotland
    senegal serbia singapore slovakia slovenia somalia spain sudan sweden switzerland syria
    taiwan tajikistan tanzania thailand tunisia turkey turkiye turkmenistan uganda ukraine
    uruguay uzbekistan venezuela vietnam wales yemen zambia zimbabwe
    africa asia america americas antarctica arctic oceania eurasia balkans caucasus crimea
    donbas donbass xinjiang tibet hong kong macau gaza kashmir kurdistan siberia
    beijing moscow washington kyiv kiev london paris berlin geneva brussels tokyo seoul
    delhi mumbai shanghai istanbul ankara tehran baghdad kabul damascus cairo jerusalem
    rome madrid lisbon vienna warsaw prague budapest athens minsk kharkiv odesa odessa
    lviv mariupol sydney melbourne toronto ottawa vancouver chicago boston phoenix
    dallas houston miami atlanta seattle denver york los angeles san francisco
    california texas florida
    """.split()
)
NATIONALITIES = frozenset(
    """
    american british chinese russian ukrainian french german italian spanish japanese korean
    indian pakistani iranian iraqi israeli palestinian syrian turkish saudi egyptian
    european african asian western eastern northern southern soviet canadian australian
    mexican brazilian polish dutch belgian swiss swedish norwegian danish finnish irish
    scottish welsh english greek hungarian czech austrian portuguese taiwanese afghan
    muslim christian jewish hindu buddhist catholic protestant orthodox uighur uyghur sunni
    shia shiite kurdish arab latino hispanic
    """.split()
)
ALIASES = {
    "u.s.": "us", "us": "us", "usa": "us", "u.s.a.": "us", "united states": "us",
    "united states of america": "us", "america": "us", "uk": "uk", "u.k.": "uk",
    "britain": "uk", "great britain": "uk", "united kingdom": "uk", "un": "un", "u.n.": "un",
    "united nations": "un", "eu": "eu", "european union": "eu",
}  # fmt: skip
#: East Asian family names written first: "Wang Yi" is Mr Wang.
SURNAME_FIRST = frozenset(
    """
    wang zhang liu chen yang zhao huang zhou wu xu sun hu zhu gao guo luo liang zheng xie
    han tang feng dong xiao cao yuan deng xi fu shen zeng peng su jiang cai jia ding wei xue
    ye yan pan du dai xia zhong tian ren fan fang shi yao tan liao zou xiong jin hao kong
    bai cui kang mao qiu qin gu hou shao meng duan lei qian yin kim choi jung yoon cho jang
    """.split()
)
#: Words after which "of"/"for" continues a name ("Department of State", "Bank of England").
JOINING_HEADS = frozenset(
    """
    republic kingdom states gulf sea bay isle islands city province state democratic
    federation emirates house chamber secretary minister ministry department bank university
    institute center centre council court commission committee office bureau board school
    college museum church union league association federation party agency organisation
    organization foundation fund society academy army navy corps
    """.split()
)
NAME_SUFFIXES = frozenset({"jr", "jr.", "sr", "sr.", "ii", "iii", "iv"})

#: One spelling each for transliterations that differ beyond a letter or two.
_TRANSLITERATIONS = (
    (r"^kiev$", "kyiv"), (r"^odessa$", "odesa"), (r"^kharkov$", "kharkiv"),
    (r"^peking$", "beijing"), (r"^bombay$", "mumbai"), (r"^donbass$", "donbas"),
)  # fmt: skip
_PHONETIC = (
    (r"ph", "f"),
    (r"th", "t"),
    (r"kh", "h"),
    (r"ck", "k"),
    (r"q", "k"),
    (r"ie", "i"),
    (r"y", "i"),
    (r"ou", "u"),
    (r"w", "v"),
    (r"(.)\1", r"\1"),
)


@lru_cache(maxsize=8192)
def fold(text: str) -> str:
    """Lowercase without accents or possessive: "Zelenskyy’s" → "zelenskyy"."""
    text = re.sub(r"['’]s$", "", text.strip())
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).lower()


def surname_key(tokens: list[str]) -> str:
    """The key a person is known by across articles: the folded family name."""
    words = [t for t in tokens if fold(t).rstrip(".") not in NAME_SUFFIXES and not _is_initial(t)]
    if not words:
        words = tokens
    if len(words) in (2, 3) and fold(words[0]) in SURNAME_FIRST:
        return fold(words[0])
    return fold(words[-1])


_OF_FORM = re.compile(r"^(department|ministry|office|secretary|minister)\s+of\s+(?:the\s+)?(.+)$")
_COUNTRY_PREFIX = re.compile(r"^(?:us|uk|un|eu)\s+(?=\S)")


def org_key(text: str) -> str:
    """A name's key: folded, "the" and dots dropped, common aliases merged.

    "The U.S. Department of State" and "State Department" share
    "state department": the of-form is turned round and a US/UK/UN/EU
    prefix dropped, because papers add or omit it freely.
    """
    folded = re.sub(r"^the\s+", "", fold(text))
    folded = re.sub(r"\s+", " ", folded).replace(".", "")
    if folded in ALIASES:
        return ALIASES[folded]
    folded = _COUNTRY_PREFIX.sub("", folded)
    words = folded.split()
    while len(words) > 1 and words[-1] in CORPORATE_SUFFIXES:
        words.pop()
    folded = " ".join(words)
    of_form = _OF_FORM.match(folded)
    if of_form:
        folded = f"{of_form.group(2)} {of_form.group(1)}"
    return ALIASES.get(folded, folded.replace("foreign affairs ministry", "foreign ministry"))


def _is_initial(token: str) -> bool:
    return re.fullmatch(r"[A-Z]\.?", token) is not None


def _phonetic(word: str) -> str:
    for pattern, replacement in _TRANSLITERATIONS:
        word = re.sub(pattern, replacement, word)
    for pattern, replacement in _PHONETIC:
        word = re.sub(pattern, replacement, word)
    return word


def name_variants_match(a: str, b: str) -> bool:
    """Whether two names are one name spelt two ways ("Anthony"/"Antony", "Kiev"/"Kyiv").

    Word by word, after folding accents and common transliteration pairs;
    a word may differ by one edit when it is long enough for that to be a
    spelling slip rather than another name ("Wang"/"Wong" do not match).
    """
    words_a = [_phonetic(fold(w)) for w in re.findall(r"[^\W\d_][\w'’\-]*", a)]
    words_b = [_phonetic(fold(w)) for w in re.findall(r"[^\W\d_][\w'’\-]*", b)]
    if not words_a or len(words_a) != len(words_b):
        return False
    return all(_word_variant(x, y) for x, y in zip(words_a, words_b, strict=True))


def _word_variant(a: str, b: str) -> bool:
    if a == b:
        return True
    if a[:1] != b[:1] or min(len(a), len(b)) < 5:
        return False
    return Levenshtein.distance(a, b) <= 1
