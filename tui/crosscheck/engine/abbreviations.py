"""Word lists the sentence segmenter consults: abbreviations, sentence starters, speech verbs.

All entries are lower case and written without the final period. Editing a list changes where
sentences break; tests/engine/segment_gold.py holds the cases each family must keep passing.
"""

from __future__ import annotations

# Titles come before a name, so a period after them never ends a sentence ("Gen. Bell").
TITLES = frozenset(
    "mr mrs ms mx dr gen sen rep gov lt col capt cmdr cdr adm maj sgt cpl pvt gens sens reps "
    "prof rev hon pres supt insp det atty messrs mme mlle msgr fr st mt ft dep dist".split()
)

# Never at the end of a sentence in news copy: always followed by more of the same sentence.
CONTINUATIONS = frozenset("vs v e.g i.e cf approx viz al".split())

# May end a sentence ("sold to Brightline Inc."); they break only before a sentence starter.
AMBIGUOUS = frozenset(
    "inc ltd co corp cos llc plc bros jr sr esq etc no nos vol pp fig ch ave blvd rd dept univ "
    "assn "
    "jan feb mar apr jun jul aug sep sept oct nov dec mon tue tues wed thu thur thurs fri sat sun"
    .split()
)

# Month and weekday abbreviations: a following number ("Jan. 1") continues the sentence.
DATE_WORDS = frozenset(
    "jan feb mar apr jun jul aug sep sept oct nov dec mon tue tues wed thu thur thurs fri sat sun"
    .split()
)

# Words that commonly open a news sentence; after an ambiguous abbreviation they mark a break.
SENTENCE_STARTERS = frozenset(
    "the a an this that these those it its he she they we i you his her their our my your "
    "but and or so yet still however meanwhile instead also then now later earlier today "
    "in on at for after before when while since if as by with without during under "
    "there here what why how who where which many some most several both each no nobody none "
    "one two three another other others all such".split()
)

# After "a.m."/"p.m." these words continue the sentence ("4 p.m. Friday", "9 a.m. ET").
TIME_FOLLOWERS = frozenset(
    "monday tuesday wednesday thursday friday saturday sunday today tonight tomorrow "
    "january february march april may june july august september october november december "
    "jan feb mar apr jun jul aug sep sept oct nov dec "
    "et est edt ct cst cdt mt mst mdt pt pst pdt gmt utc bst cet cest local".split()
)

# A quoted question or exclamation followed by "Name verb" is one sentence ("Why?" Ruiz asked.).
SPEECH_VERBS = frozenset(
    "said says asked asks added adds shouted shouts yelled told tells replied replies wrote "
    "writes explained insisted noted recalled argued warned cried whispered continued demanded "
    "declared admitted conceded countered tweeted posted answered responded exclaimed".split()
)
