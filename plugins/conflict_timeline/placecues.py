"""When a name that GeoNames knows is a place in running text, and when it is a person, an organisation or a word.

Worldwide, GeoNames has a village for almost every surname and many common words (Mende, Sami, Victory...), so a
match is accepted by tiers:

- the curator's places and the shipped regions: always;
- the timeline's own countries: any main name (fuzzy spelling only in the core countries), as before;
- the article's own countries (the first two it names): a place of ``PREFER_POP`` people or more, or a smaller one
  the text introduces as a place ("in X", "the town of X");
- anywhere else: a city of ``BIG_POP`` or more, or a smaller place with a clear cue ("the town of X",
  "near X", "X, Somalia").

Never: a capital standing for its government ('Damascus said', 'between Ankara and Washington'), a name right
after a person cue ('President', 'spokesman', 'said', a first name), a surname inside a run of capitalised words
('Lambert Mende'), a place inside an organisation's name ('Young Journalist Club', 'Ghazni Provincial Council').
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field

from .countries import capitals, country_names

CURATED, REGION, TIMELINE, PREFER, WORLD = range(5)
BIG_POP = 100_000
MILLION = 1_000_000
ALT_POP = 15_000
PREFER_POP = 1_000
NO_CUE, WEAK, STRONG = 0, 1, 2

_TITLES = (
    r"President|Vice[- ]President|Prime Minister|Premier|Minister|Chancellor|King|Queen|Prince|Princess|Emir|Sultan|"
    r"Mr|Mrs|Ms|Dr|Prof|Sir|Lord|Lady|Gen|General|Lt|Lieutenant|Col|Colonel|Maj|Major|Capt|Captain|Brig|"
    r"Brigadier|Sgt|Sergeant|Cpl|Admiral|Marshal|Commander|commander|spokesman|spokeswoman|spokesperson|envoy|"
    r"Envoy|leader|chief|Chief|Ambassador|ambassador|Senator|Sen|Rep|Judge|Pope|Patriarch|Bishop|Father|Imam|Ayatollah|"
    r"Mullah|Governor|governor|Mayor|mayor|Secretary|secretary|Chairman|chairman|Speaker|Deputy|deputy|Director|"
    r"director|official|officer|correspondent|reporter|journalist|photographer|analyst|resident|witness|activist|"
    r"cousin|brother|sister|son|daughter|wife|husband|uncle|Mister|Mme|Dame|Hajji?|agency|broadcaster|channel|"
    r"newspaper|website|outlet|daily|Officer|Chief|Spc|Pfc|Pvt|Private|Specialist|Airman|Seaman|Staff|Corporal|"
    r"Master|Gunnery|Lance|Petty")
# 'the Gulf of Aden', 'the Sea of Azov': part of a sea's name.
_WATER_BEFORE = re.compile(r"\b(?:Gulf|Sea|Bay|Strait|Straits|Lake|Port) of\s+(?:the\s+)?$")
_PERSON_BEFORE = re.compile(
    rf"(?:\b(?:{_TITLES})\.?|\b(?:said|says|told|added|asked|claimed|according to|quoted|quoting))"
    r"\s+(?:[A-Z][\w'’.-]*\s+){0,3}$")
_METONYMY_AFTER = re.compile(
    r"\s+(?:has |had |have |also |then |later |itself )?(?:said|says|told|announced|accused|claimed|denied|warned|"
    r"insisted|rejected|condemned|responded|urged|called on|demanded|agreed|refused|vowed|threatened|hopes|wants|"
    r"believes|blamed|welcomed|praised|argued|stressed|declared|proclaimed|decried|notes|noted|writes|wrote|"
    r"explains|explained|quoted|reported|reports|"
    r"(?:did|does|has|had|would) not (?:say|comment|confirm))\b")
_LIVES = re.compile(r"\s+(?:has |have |had )?claimed\s+(?:the\s+)?(?:lives|\d+\s+lives)\b")
_CAPITAL_ACTS = re.compile(r"\s+(?:has |had |also )?(?:sent|deployed|ordered|decided|approved|backed|supports?|supported|"
                           r"launched|insists|considers|sees|views|recogni[sz]es|recogni[sz]ed|retaliated|responded)\b")
# 'Mayadeen television', 'Kurdistan 24 channel': a place's name inside an outlet's.
_OUTLET_AFTER = re.compile(r"\s+(?:\d+\s+)?(?:television|TV|channel|radio|newspaper|daily|news agency|agency|"
                           r"website|media office|magazine|weekly|journal|publication)\b", re.I)
# "the town of X" says a town is meant; "the district of X" only that some place is (often a city's quarter).
_STRONG_OF = (r"town|city|village|villages|towns|cities|hamlet|settlement|capital|municipality|locality|port|"
              r"outskirts|suburbs?|north|south|east|west|northeast|northwest|southeast|southwest")
_WEAK_OF = r"district|region|province|governorate|state|county|territory|commune|area|areas|streets|residents|people|" \
           r"centre|center|heart|parts?"
_STRONG_BEFORE = re.compile(rf"(?:\b(?:{_STRONG_OF})\s+of|\b(?:[Nn]ear|[Oo]utside|[Nn]earby))(?:\s+the)?\s+$")
_WEAK_BEFORE = re.compile(
    r"\b(?:[Ii]n|[Aa]t|[Ff]rom|[Tt]o|[Ii]nto|[Ii]nside|[Tt]owards?|[Aa]round|[Aa]cross|[Vv]ia|[Bb]etween|[Bb]eyond|"
    r"reached|entered|captured|seized|took|retook|recaptured|stormed|attacked|shelled|bombed|besieged|overran|"
    rf"liberated|surrounded|encircled|control of|fled|hit|struck|targeted|evacuated|(?:{_WEAK_OF})\s+of)"
    r"(?:\s+(?:northern|southern|eastern|western|central|northeastern|northwestern|southeastern|southwestern))?\s+$")
_STRONG_AFTER = re.compile(
    r",?\s+(?:a |the )?(?:town|city|village|hamlet|district|countryside|outskirts|locality|municipality|"
    r"neighbou?rhood|suburb)\b")
_CHAIN = re.compile(r"^(?:\s*,\s*|\s+and\s+|\s+or\s+|\s*,\s*and\s+|\s*/\s*|\s+to\s+)$")
_CAPITAL_BEFORE = re.compile(r"\b(?:ties|relations|talks|rift|tensions?|deal|pressure|dialogue|between|pits|sanctions|"
                             r"accused|blamed|urged|warned|condemned|critici[sz]ed|and)\s+(?:with\s+|between\s+|on\s+)?$")
_QUARTER_AFTER = re.compile(r"\s+(?:district|neighbou?rhood|suburb|quarter)\b", re.I)
_CAPITAL_AFTER = re.compile(
    r"(?:['’]s?\s+(?:partnership|relations|ties|allies|ally|policy|policies|support|decision|position|stance|role|"
    r"backing|demands?|concerns?|government|approval|objections?|strategy|plans?|interests?|influence|patience|"
    r"response|intentions?)\b|\s+against\b)")
# Capitalised words after a place that make it part of an organisation's name ('Manbij Military Council').
_ORG_AFTER = re.compile(
    r"[ -](?:Council|Committee|Brigades?|Battalions?|Division|Front|Army|Forces?|Party|Movement|Media|Centre|Center|"
    r"Coordination|Revolutionary|Military|Civil|Provincial|Governor|Police|Times|Post|News|Journal|Club|Network|"
    r"Airways|Airlines|Radio|TV|Television|Agency|Institute|Foundation|Company|Corporation|Group|Union|People['’]s|"
    r"Democratic|Liberation|Resistance|Defen[cs]e|Security|Operations?|Command|Shield|Hawks|Lions|Martyrs|Declaration|"
    r"Accords?|Agreement|Process|Conference|Talks|Summit|Protocol|Format|Convention|Observatory|Daily|Tribune|Herald|"
    r"Gazette|Review|Press|Declaration|Initiative)\b")
_OUTLETS = frozenset("daily radio tv channel news press agency times post herald gazette".split())
_ARTICLE_LED = re.compile(r"(?:al|el|ad|ar|as|ash|at|az|an|ed|es|ez)-", re.I)
# Capitalised words that may follow a place inside a run without making it part of another name.
PLACE_FOLLOWERS = frozenset("""city town village district province governorate region state airport airbase base
    refinery dam crossing hospital camp prison mosque square bridge university stadium port market valley mountains
    mountain plain desert countryside oblast county old new""".split())
# Words that may stand before a place in a capitalised run without making it a surname.
MODIFIERS = frozenset("""north south east west northern southern eastern western central upper lower greater
    inner outer old rural downtown northeast northwest southeast southwest northeastern northwestern
    southeastern southwestern""".split())
GIVEN_NAMES = frozenset("""mohammed muhammad mohamed mohammad mohamad ahmed ahmad ali hassan hasan hussein husayn
    hossein omar umar abdullah abdallah abdul abdel abd khalid khaled mahmoud mahmud mustafa mostafa ibrahim ismail
    youssef yusuf yousef walid bashar hafez rami nuri saddam hadi salah hamza tariq tarek ziad ziyad fadi samir sami
    karim kareem nabil majid maher fawaz jamal kamal adel adil amr anas ayman bilal faisal firas ghassan haitham
    haytham hisham imad issam louay mazen marwan mounir munir nasser osama usama qasim qassem qasem rafiq raed riad
    riyad saad saeed salim salem suleiman sulaiman talal wael yasser yasin yassin zaid zeid zakaria fatima aisha
    mariam maryam layla leila nour noor rania zainab zeinab huda recep mehmet ahmet mevlut binali hulusi kemal
    selahattin murat javad mohsen reza ebrahim vladimir sergei sergey dmitry dmitri viktor petro volodymyr oleksandr
    alexander alexei yuri igor andrei mikhail donald barack joe john george hillary mike michael david james robert
    william richard thomas mark paul peter martin stephen steven antonio emmanuel francois angela boris theresa tony
    bulent emre burak ozan mevlüt mevlut jens kofi staffan lakhdar filippo abiy muhammadu goodluck felix joseph yoweri aung min ashraf hamid gulbuddin
    khalifa fayez muammar moammar salva riek lambert jean pierre jacques michel marie anne ban""".split())


@dataclass
class Context:
    """The text being searched and what the rules need to know about it (computed lazily, once per text)."""

    text: str
    prefer: tuple[str, ...]
    lenient: frozenset[str]  # countries whose places count as local: the timeline's or the article's
    common: frozenset[str]  # keys of English words that are also place names
    _lower: frozenset[str] | None = field(default=None, repr=False)

    def lower_words(self) -> frozenset[str]:
        if self._lower is None:
            self._lower = frozenset(re.findall(r"\b[a-z][a-z'-]+\b", self.text))
        return self._lower


@dataclass(frozen=True)
class Spot:
    """Where a name stands: its words and span, and its neighbours in the run of capitalised words."""

    words: str
    start: int
    end: int
    key: str
    previous: str | None = None  # the capitalised word right before it in the run (None for 'In', 'The'...)
    following: str | None = None  # the capitalised word right after it in the run
    chained: bool = False  # 'Y and X' right after an accepted place
    after_place: bool = False  # right after another place in the same run ('Daraa al-Balad')
    in_longer: bool = False  # the end of a longer name ('Bab al-Nayrab', 'Ain Jara') or after 'the town of'


# Words that begin a place's name in the Levant and Iraq: a known name right after one is the end of another name
# ('Bab al-Nayrab' is a quarter of Aleppo, not Nayrab air base; 'Busr al-Harir' a town, not Harir air base).
NAME_HEADS = frozenset("""bab ain ayn tal tel tell tall busr kafr deir dayr jisr ras beit bayt khan qasr umm abu bir
    sheikh shaykh wadi jabal jebel marj maarat maaret hay harat souq suq mazraa khirbet khirbat""".split())
TOWN_OF = re.compile(r"\b(?:town|village|city|hamlet)\s+of\s+(?:the\s+)?$", re.IGNORECASE)


@functools.lru_cache(maxsize=1)
def _country_after() -> re.Pattern[str]:
    forms = sorted({n for names in country_names().values() for n in names}, key=len, reverse=True)
    alternation = "|".join(re.escape(f) for f in forms)
    return re.compile(rf"(?:,\s*|\s+in\s+(?:the\s+)?(?:north|south|east|west|northern|southern|eastern|western|"
                      rf"central)?\s*)(?:{alternation})\b")


@functools.lru_cache(maxsize=1)
def capital_keys() -> frozenset[str]:
    from .geoindex import key

    return frozenset(key(c) for c in capitals())


def person_before(text: str, start: int) -> bool:
    """'President Bashar al-Assad', 'said Lambert Mende': the name is a person's."""
    return bool(_PERSON_BEFORE.search(text, max(0, start - 60), start))


def metonymy(text: str, spot: Spot) -> bool:
    """'Damascus said', 'between Ankara and Washington', 'Washington's partnership': a government, not a place."""
    if _METONYMY_AFTER.match(text, spot.end, spot.end + 40):
        # ... unless the text has just said it is a town ("the city of Homs has claimed the lives of 40")
        return not (_STRONG_BEFORE.search(text, max(0, spot.start - 40), spot.start)
                    or _LIVES.match(text, spot.end, spot.end + 60))
    if spot.key not in capital_keys():
        return False
    return bool(_CAPITAL_BEFORE.search(text, max(0, spot.start - 30), spot.start)
                or _CAPITAL_AFTER.match(text, spot.end, spot.end + 40) or _CAPITAL_ACTS.match(text, spot.end, spot.end + 40))


def organisation_after(text: str, end: int) -> bool:
    return bool(_ORG_AFTER.match(text, end, end + 30) or _OUTLET_AFTER.match(text, end, end + 30))


def cue(ctx: Context, spot: Spot, foreign: bool = False) -> int:
    """How clearly the text says a place is meant: STRONG ('the town of X', 'near X', 'X, Somalia', 'X town'),
    WEAK ('in X', 'captured X', 'Y and X' after a place) or NO_CUE. For a ``foreign`` place 'X town' is not
    enough: 'Minian town in Aleppo' is a town of the story's own country."""
    text, start, end = ctx.text, spot.start, spot.end
    if _STRONG_BEFORE.search(text, max(0, start - 40), start) or _country_after().match(text, end, end + 50) \
            or (not foreign and _STRONG_AFTER.match(text, end, end + 40)):
        return STRONG
    return WEAK if spot.chained or _WEAK_BEFORE.search(text, max(0, start - 40), start) else NO_CUE


def chained(text: str, previous_end: int, start: int) -> bool:
    return 0 <= previous_end <= start and start - previous_end <= 8 and bool(_CHAIN.match(text[previous_end:start]))


def _sentence_start(text: str, start: int) -> bool:
    before = text[max(0, start - 3):start]
    return not before.strip() or before.rstrip()[-1:] in ".!?:\"“"


def accept(tier: int, population: int, alternate: bool, exact: bool, spot: Spot, ctx: Context) -> bool:
    """Whether a place of this tier and size stands for ``spot.words`` there. ``exact``: the words spell the place's
    main name (up to case, accents, hyphens and a leading article), not only the same spelling key."""
    text = ctx.text
    if metonymy(text, spot):
        return False
    if tier <= REGION:
        return True
    if organisation_after(text, spot.end) or spot.after_place or _WATER_BEFORE.search(text, max(0, spot.start - 12),
                                                                                          spot.start):
        return False
    if person_before(text, spot.start) or (spot.previous is not None and spot.previous.lower() in GIVEN_NAMES):
        return False
    if tier == TIMELINE:
        if spot.previous is None or spot.previous.lower() in MODIFIERS:
            return True
        # 'AFP PHOTO / BULENT KILIC': after another all-capitals word, a byline's name; 'Daily Sabah': an outlet's;
        # 'Bustan al-Qasr', 'Bashar al-Assad': an article-led word finishing a longer name
        return not (spot.previous.isupper() and len(spot.previous) > 1) and spot.previous.lower() not in _OUTLETS \
            and not _ARTICLE_LED.match(spot.words)
    if tier in (PREFER, WORLD) and _QUARTER_AFTER.match(text, spot.end, spot.end + 20) and population < BIG_POP:
        return False  # 'the Adan district', 'the al-Rawdah neighbourhood' of a city in the story, not a town
    if spot.previous is not None and spot.previous.lower().rstrip("'’s") not in MODIFIERS:
        return False  # 'Lambert Mende', 'Ghassan Salame': a surname, not a town
    if spot.following is not None and spot.following.lower() not in PLACE_FOLLOWERS:
        return False  # 'Young Journalist Club', 'Aung San Suu Kyi'
    if spot.words.isupper() and len(spot.words) <= 4 and population < BIG_POP:
        return False
    single = " " not in spot.words and "-" not in spot.words
    common = single and (spot.key in ctx.common or spot.words.lower() in ctx.lower_words())
    clear = cue(ctx, spot, tier == WORLD)
    if population >= BIG_POP and (exact or alternate or population >= MILLION):
        if common and clear == NO_CUE and _sentence_start(text, spot.start):
            return False  # 'Reading the statement...'
        if alternate and tier == WORLD:  # a foreign city's other name ('Kiev'): a big city, introduced as a place
            return population >= MILLION and clear > NO_CUE
        return tier == PREFER or population >= MILLION or clear > NO_CUE  # 'Bali also said': a person
    if not exact and not alternate:
        return False  # a small place's main name must be spelt as written, not merely alike ('Bali' / 'Balli')
    if tier == PREFER:
        if alternate:
            return population >= ALT_POP or (population >= PREFER_POP and clear > NO_CUE)
        if common:
            return clear == STRONG
        return population >= PREFER_POP or clear > NO_CUE
    return clear == STRONG and not alternate
