"""Word lists the sentence splitter consults at a period.

A period after an abbreviation is the hard case of sentence splitting. The
lists are split by behaviour, because that is what decides a boundary:

* ``TITLES`` always precede a name ("Mr. Smith", "Gov. Hochul"), so a capital
  after them never starts a sentence.
* ``ABBREVIATIONS`` may end a sentence ("… Briggs & Co. It closed") or not
  ("Co. Chairman"); a boundary is taken only when the next word is a typical
  sentence opener (``SENTENCE_STARTERS``).
* ``TIME_MARKERS`` ("a.m.", "p.m.") are followed by weekdays, months and time
  zones inside a sentence ("3 p.m. Friday").

Entries are lower case and without the final period, except
``CAPITALISED_ABBREVIATIONS``, which are matched exactly.
"""

from __future__ import annotations


def _words(listing: str) -> frozenset[str]:
    return frozenset(listing.split())


TITLES = _words(
    """
    mr mrs ms messrs mmes dr drs prof profs gov govs sen sens rep reps gen gens
    lt col capt cpt sgt cmdr adm maj brig cpl pvt rev hon pres supt insp det
    atty amb fr mme mlle
    """
)

ABBREVIATIONS = _words(
    """
    co corp inc ltd llc plc bros jr sr esq st mt ft ave blvd rd hwy apt dept
    univ assn intl natl govt approx vs etc al cf fig figs vol vols nos nr n° pp
    para eds ibid jan feb apr jun jul aug sep sept oct nov dec tue tues thu thur
    thurs fri lbs oz yrs hrs wks mos km kg cm mm ala ariz ark calif colo conn fla
    ga kan kans ky md mich minn mont neb nev okla ore penn tenn tex vt wis wisc
    wyo e.g i.e rs
    """
)

#: Abbreviations that are also ordinary words ("No", "Sun", "Miss"); they only
#: count as abbreviations when written with a capital.
CAPITALISED_ABBREVIATIONS = _words(
    "No Mon Wed Sat Sun Mar Ill Ind Miss Mass Wash Del Pa La Mo Va Est Ed Op"
)

TIME_MARKERS = _words("a.m p.m am pm")

#: "Thu. May 19th": a weekday abbreviation runs on into the date.
WEEKDAY_ABBREVIATIONS = _words("mon tue tues wed thu thur thurs fri sat sun")

#: Words that open sentences but rarely follow an abbreviation inside one.
SENTENCE_STARTERS = _words(
    """
    a an the this that these those it its he she they we i you his her their our
    my your there here but and or so yet nor however meanwhile then when while
    what why how who whom whose where which if as after before since although
    though still also now in on at for from by with without during under over
    many some most all several each every both neither either such one two
    according last earlier later today yesterday tomorrow instead indeed
    moreover furthermore nevertheless thus hence therefore finally first
    did do does is are was were can could will would should shall may might must
    has have had let please not no yes
    """
)

#: Words that follow "p.m." within one sentence ("3 p.m. Friday", "9 a.m. ET").
CALENDAR_WORDS = _words(
    """
    monday tuesday wednesday thursday friday saturday sunday
    january february march april may june july august september october november december
    jan feb mar apr jun jul aug sep sept oct nov dec
    et est edt ct cst cdt mt mst mdt pt pst pdt gmt utc bst cet cest msk ist jst
    local eastern central pacific mountain
    """
)

#: Opening words of a short leading phrase such as "At 5 a.m." that cannot
#: be a sentence on its own.
PREPOSITIONS = _words("at by around about from until till before after on in since near shortly")

#: Verbs of speech: `"…?" Smith asked.` is one sentence.
SPEECH_VERBS = _words(
    """
    said says say asked asks added adds told tells wrote writes replied replies
    explained explains continued continues noted notes stated states declared
    declares insisted insists argued argues warned warns shouted shouts cried
    yelled whispered recalled recalls responded responds tweeted posted
    """
)
