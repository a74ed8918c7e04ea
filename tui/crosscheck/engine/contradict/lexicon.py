"""Word lists the contradiction rules read: edit a table here, not the rules.

Every entry is lower case. Phrases are matched as whole words ("no truth" does not match
"no truthful"). Each family has a test in tests/engine/test_contradict_lexicon.py.
"""

from __future__ import annotations

# --- Negation: a claim asserted by one source and negated by the other. -----------------------
NEGATORS = frozenset("not no never none nobody nothing neither nor cannot".split())
NEGATED_CONTRACTIONS = ("n't", "n’t")
# Verbs that deny their complement without a "not" ("failed to pay" = did not pay).
NEGATIVE_IMPLICATIVES = (
    "failed to", "fails to", "fail to", "refused to", "refuses to", "refuse to",
    "pretended to", "pretends to", "pretending to", "neglected to", "neglects to",
    "declined to", "declines to",
)
# A negator inside these does not deny a claim: "not only ... but also", "did not rule out"
# (a possibility, read as a hedge below), "no doubt".
NEGATION_IDIOMS = (
    "not only", "not just", "not merely", "not least", "not to mention", "no doubt",
    "no matter", "nothing but", "not rule out", "not ruled out", "not ruling out",
    "no sooner", "not unlike", "no less than", "no fewer than", "no more than",
)
# "could not reach the site until Monday" says when, not whether: a negator with one of these
# a few words later is about timing.
NEGATION_TIMING = ("until", "till", "before")

# --- Denial: one source disputes, denies or reframes the other's report. -----------------------
# Strong cues say outright that a report or claim is wrong.
DENIAL_STRONG = (
    "denied", "denies", "deny", "denying", "denial", "disputed", "disputes", "dispute",
    "disputing", "inaccurate", "incorrect", "untrue", "not true", "false", "falsely",
    "misleading", "speculation", "speculative", "unfounded", "baseless", "no basis",
    "no truth", "erroneous", "misreported", "fabricated", "not accurate", "refuted", "rebutted",
    "dismissed reports", "dismissed the report", "dismissed claims", "rejected the report",
    "rejected reports", "rejected claims", "rumour", "rumours", "rumor", "rumors",
    "contrary to", "fake news", "nonsense", "mischaracterised", "mischaracterized",
    "wrongly reported", "no such", "never received", "received no",
    "never asked", "never said", "no record of",
)
# Reframing cues correct what a thing is ("is in fact a letter") without the word "deny".
DENIAL_REFRAME = ("in fact", "actually", "rather than", "not a", "merely", "only a", "simply a")
# Reframing cues that are part of a larger phrase meaning something else ("not only a").
REFRAME_IDIOMS = ("not only a", "not merely", "not just a", "if only a")
# Words that mark the other sentence as somebody's report, so a denial has a target.
REPORT_CUES = (
    "reported", "report", "reports", "according to", "claimed", "claims", "said", "says",
    "told", "wrote", "published", "citing", "sources", "stated", "alleged",
)

# --- Modality: certain versus hedged or unknown. ------------------------------------------------
# Matched longest first; "not been confirmed" wins over "confirmed".
UNKNOWN_CUES = (
    "not confirmed", "not been confirmed", "no details were confirmed", "no details",
    "unconfirmed",
    "declined to confirm", "would not confirm", "did not confirm", "could not confirm",
    "unclear", "unknown", "not known", "not yet known", "not clear", "remains to be seen",
    "undecided", "not yet decided", "no decision", "under review", "yet to be determined",
    "no comment", "declined to comment", "under investigation", "being investigated",
    "not yet determined", "not been determined", "not yet clear", "investigating",
)
POSSIBLE_CUES = (
    "may", "might", "could", "possibly", "possible", "perhaps", "likely", "probably",
    "reportedly", "allegedly", "apparently", "expected to", "is expected", "are expected",
    "considering", "plans to", "planning to", "potential", "potentially", "suggested",
    "rumoured", "rumored", "appears to", "seems to", "is said to", "could face",
    "proposed", "tentative", "tentatively", "in talks", "not rule out", "not ruled out",
    "negotiating", "in negotiations",
    "not ruling out",
)
CERTAIN_CUES = (
    "will", "confirmed", "definitely", "certainly", "officially", "is set to", "are set to",
    "must", "shall", "announced", "finalised", "finalized", "formally", "has decided",
    "have decided", "decided", "signed", "agreed", "clearly", "without doubt",
)

# --- Antonyms: opposite predicates on the same subject. -----------------------------------------
# (label, one side, the other side). A sentence using words from only one side takes that side.
ANTONYMS = (
    ("rise/fall",
     "rose rise rises risen rising increased increase increases grew grow grows climbed "
     "jumped surged soared gained higher",
     "fell fall falls fallen falling decreased decrease decreases dropped drop drops declined "
     "decline shrank shrink slumped plunged lower"),
    ("approve/reject",
     "approved approve approves approval accepted accept accepts endorsed granted grant grants",
     "rejected reject rejects rejection refused refuse refuses vetoed blocked"),
    ("win/lose", "won win wins winning victory", "lost lose loses losing defeat defeated"),
    ("support/oppose", "supported support supports backed backs favour favor",
     "opposed oppose opposes"),
    ("allow/ban", "allowed allow allows permitted permit legalised legalized",
     "banned ban bans prohibited prohibit forbade forbidden outlawed"),
    ("open/close", "opened open opens reopened", "closed close closes shut"),
    ("guilty/innocent", "guilty convicted", "innocent acquitted cleared"),
    ("hire/fire", "hired hiring", "fired sacked"),
    ("profit/loss", "profit profits surplus", "loss losses deficit"),
    ("pass/fail", "passed pass passes succeeded success successful",
     "failed fail fails failure unsuccessful"),
    ("praise/criticise", "praised praise welcomed hailed",
     "criticised criticized criticism condemned slammed"),
    ("improve/worsen", "improved improve improves better", "worsened worsen worsens worse"),
    ("resume/suspend", "resumed resume resumes", "suspended suspend suspends halted"),
    ("impose/lift", "imposed impose imposes", "lifted lift scrapped repealed"),
    ("survive/die", "survived survive alive", "died die dead killed"),
)

# --- Numbers. -------------------------------------------------------------------------------------
NUMBER_WORDS = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
    "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
    "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60,
    "seventy": 70, "eighty": 80, "ninety": 90, "hundred": 100, "a hundred": 100,
    "a dozen": 12, "dozen": 12, "a couple of": 2, "a pair of": 2, "half a": 0.5, "half": 0.5,
    "a third": 1 / 3, "a quarter": 0.25, "single": 1, "a thousand": 1000,
    "twice": 2, "thrice": 3,
}
# Number words that count occasions by themselves ("married twice" = "married two times").
MULTIPLICATIVES = ("twice", "thrice")
# Ordinals: a rank or a place in a series ("first place", "the 8th floor").
ORDINALS = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7,
    "eighth": 8, "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12, "thirteenth": 13,
    "fourteenth": 14, "fifteenth": 15, "sixteenth": 16, "seventeenth": 17, "eighteenth": 18,
    "nineteenth": 19, "twentieth": 20, "thirtieth": 30, "fortieth": 40, "fiftieth": 50,
    "sixtieth": 60, "seventieth": 70, "eightieth": 80, "ninetieth": 90, "hundredth": 100,
    "last": -1,
}
# Vague counts: (low, high) ranges, never exact.
VAGUE_COUNTS = {
    "dozens": (24, 99), "hundreds": (200, 999), "thousands": (2000, 9999),
    "millions": (2e6, 9.99e6), "several": (3, 9), "a few": (2, 5), "a handful of": (2, 6),
    "scores of": (40, 200), "many": (5, float("inf")),
}
SCALES = {"thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12, "k": 1e3,
          "m": 1e6, "mn": 1e6, "bn": 1e9, "b": 1e9, "tn": 1e12}
# Approximation words widen a number into a range instead of an exact value.
APPROX_AROUND = ("about", "around", "roughly", "approximately", "some", "an estimated",
                 "estimated", "circa", "close to", "nearly", "almost", "just under", "just over",
                 "~", "an average of", "approx")
APPROX_AT_LEAST = ("more than", "over", "at least", "upwards of", "in excess of", "above",
                   "exceeding", "exceeded", "topped")
APPROX_AT_MOST = ("less than", "fewer than", "under", "up to", "at most", "below", "no more than")
# Relative tolerance: rounding (one figure is round and the other is within it) and "about".
ROUNDING_TOLERANCE = 0.05
APPROX_TOLERANCE = 0.12

# Units with a conversion to a base unit, so "5 km" and "5,000 metres" agree.
UNITS = {
    "%": ("percent", 1.0), "percent": ("percent", 1.0), "per cent": ("percent", 1.0),
    "pc": ("percent", 1.0), "percentage points": ("percent", 1.0),
    "km": ("metre", 1000.0), "kilometres": ("metre", 1000.0), "kilometers": ("metre", 1000.0),
    "kilometre": ("metre", 1000.0), "kilometer": ("metre", 1000.0),
    "miles": ("metre", 1609.34), "mile": ("metre", 1609.34), "metres": ("metre", 1.0),
    "meters": ("metre", 1.0), "metre": ("metre", 1.0), "meter": ("metre", 1.0),
    "feet": ("metre", 0.3048), "foot": ("metre", 0.3048), "ft": ("metre", 0.3048),
    "kg": ("gram", 1000.0), "kilograms": ("gram", 1000.0), "kilos": ("gram", 1000.0),
    "tonnes": ("gram", 1e6), "tons": ("gram", 1e6), "tonne": ("gram", 1e6),
    "grams": ("gram", 1.0), "lb": ("gram", 453.6), "lbs": ("gram", 453.6),
    "hours": ("minute", 60.0), "hour": ("minute", 60.0), "minutes": ("minute", 1.0),
    "minute": ("minute", 1.0), "days": ("day", 1.0), "day": ("day", 1.0), "weeks": ("day", 7.0),
    "week": ("day", 7.0), "months": ("month", 1.0), "month": ("month", 1.0),
    "years": ("month", 12.0), "year": ("month", 12.0),
    "hectares": ("are", 100.0), "acres": ("are", 40.47),
}
CURRENCY_SYMBOLS = {"$": "usd", "€": "eur", "£": "gbp", "¥": "jpy"}
CURRENCY_WORDS = {"dollars": "usd", "dollar": "usd", "euros": "eur", "euro": "eur",
                  "pounds": "gbp", "yen": "jpy", "francs": "chf", "crowns": "crown",
                  "kronor": "crown", "krona": "crown"}
# Count nouns that name the same thing ("people" and "persons" are one unit).
# Anyone counted as a person is "people", so "seven workers" and "nine people" compare.
UNIT_SYNONYMS = {
    "persons": "people", "person": "people", "individuals": "people", "staff": "people",
    "workers": "people", "worker": "people", "employees": "people", "employee": "people",
    "residents": "people", "passengers": "people", "victims": "people",
    "hurt": "injured", "wounded": "injured", "injuring": "injured", "injuries": "injured",
    "dead": "killed", "died": "killed", "deaths": "killed", "fatalities": "killed",
    "jobs": "posts", "positions": "posts", "vehicles": "cars", "firms": "companies",
    "accounts": "users", "customers": "users", "subscribers": "users",
    "businesses": "companies",
}
# "no one was trapped" counts zero people: the figure a negation gives.
ZERO_WORDS = ("no one", "nobody", "none", "not one", "not a single", "no")

# --- Dates and times. -----------------------------------------------------------------------------
MONTHS = {m: i for i, m in enumerate(
    "january february march april may june july august september october november december"
    .split(), start=1)}
MONTHS.update({m[:3]: i for m, i in list(MONTHS.items())})
MONTHS["sept"] = 9
WEEKDAYS = {d: i for i, d in enumerate(
    "monday tuesday wednesday thursday friday saturday sunday".split())}
RELATIVE_DAYS = {"yesterday": -1, "today": 0, "tonight": 0, "this morning": 0,
                 "last night": -1, "tomorrow": 1, "the day before": -1}
PARTS_OF_DAY = {"morning": "morning", "afternoon": "afternoon", "evening": "evening",
                "night": "night", "overnight": "night", "dawn": "morning", "noon": "afternoon"}

# --- Entities. ------------------------------------------------------------------------------------
# Capitalised words that do not start a name.
NOT_NAMES = frozenset(
    """the a an in on at of for to and but or so he she it they we i his her their its this that
    these those there then when while after before as if by with from mr mrs ms dr prof sir
    according officials official police however meanwhile also yet still last next new
    """.split()
)
# Heads of organisation and place names: shared by two different bodies of the same kind.
GENERIC_NAME_WORDS = frozenset(
    """center centre institute ministry department agency office council committee commission
    court university college school hospital bank company corp corporation inc ltd group
    association union party foundation authority board bureau service services police army
    city county province state republic river street square station airport port north south
    east west national federal international of the and for
    """.split()
)
# Role nouns: the slot a name fills ("the mayor, Ana Ruiz" vs "the mayor, Tom Ode").
SPEECH_VERBS = frozenset("said says told stated added explained according".split())
ROLE_NOUNS = frozenset(
    """minister spokesman spokeswoman spokesperson mayor president chief director ceo chairman
    chairwoman chair governor senator judge lawyer prosecutor officer commissioner secretary
    ambassador founder manager head leader editor author owner coach captain attorney assistant
    deputy financial executive general senior vice fire police spokesman acting sent by led
    """.split()
)
