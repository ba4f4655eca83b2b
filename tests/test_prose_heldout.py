"""Accuracy of the prose reading on held-out articles labelled from the contract alone.

tests/prose_heldout was written and labelled before the rules were tuned on it; tests/prose_heldout2
after, and never tuned on. Both are scored with the prose corpus's scorers (test_statements,
test_countries) but through the pipeline's own readers: statements via ``read_statements`` on the
parsed document, countries via ``document_mentions`` (title, headings, prose, tables, lists).
Run with ``-s`` to see the figures (recorded in bench/PROSE_ACCURACY.md).
"""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from test_countries import corpus_f1
from test_statements import score_corpus

from nato_briefs.countries import document_mentions, load_gazetteer, union_countries
from nato_briefs.parse import parse_document, split_lines
from nato_briefs.prose import read_statements

HERE = Path(__file__).parent
# each scored once untuned, then tuned on (47, 50, ..., 73, 76 kept back: UNTUNED below)
TUNED = [*range(2, 47), 48, 49, 51, 52, 54, 56, 58, 60, 62, 65, 67, 69, 71, 72, 74, 75, 77, 78, 79, 80, 82, 83, 84, 85]
TUNED += [87, 88, 90, 91, 92, 93, 95, 96, 97]  # session 17's blind rounds
TUNED += [98, 99, 101, 102]  # session 18's blind rounds
TUNED += [106, 107, 109]  # session 19's blind rounds
TUNED += [110, 111, 113, 114, 115, 116]  # session 20's blind rounds
TUNED += [117, 118, 120, 121]  # session 21's blind rounds
TUNED += [122, 123, 126, 128]  # session 22's blind rounds
TUNED += [130, 131]  # session 23's blind rounds
SETS = ["prose_heldout", *(f"prose_heldout{n}" for n in TUNED)]
# Kept back, never tuned on: the honest fresh measure of the round on sets 45-46 (bench/PROSE_ACCURACY.md),
# below the F1 floor (0.737 untuned), so it guards against regression instead: its score may only rise.
# Likewise set 50 for the round on sets 48-49 (0.732 untuned on branch s9-prose2; main's rules 0.683), and
# set 53 for the round on sets 51-52 (seed-layout articles in six voices: 0.906 untuned, main's rules), and
# set 55 for the round on set 54 (seed-layout articles in six voices: 0.920 untuned, main's rules), and
# set 57 for the round on set 56 (seed-layout articles, plain news voice: 0.987 untuned, main's rules), and
# set 59 for the round on set 58 (seven voices, wire to seed-style: 0.935 untuned, main's rules 7ae3814; its
# floor raised to 1.000 after the round on set 60 (s12-prose2), whose general rules fixed its four errors), and
# set 61, written blind (never run by its writer; seed-style meeting news) and scored once by the lead after
# the rounds on sets 58 and 60: 0.948 (P 0.920, R 0.979; the same before the round on set 60), and
# set 63 for the round on set 62 (seed-style meeting news, varied wording: 0.932 untuned, main's rules 7c4190f), and
# set 64, written blind in eight voices (s13-prose64) and scored once by the lead on main 0ad0a3d before the
# round on set 65 (P 0.875, R 0.942), and
# set 66, written blind in the seeds' plain news voice (s13-prose66) and scored once by the lead after the
# session 13 round on set 65, on main 3813045 (P 0.879, R 0.967), and
# set 68, written blind in the seeds' plain news voice (s14-guard68: forum, ministers, base visit, exercise,
# partner, assembly, cyber centre) and scored once on main 4c86721 (P 1.000, R 0.974): kept back, never tuned on.
# Set 70, written blind in the seeds' layout (six plain news articles: southern summit, munitions ministers,
# Western Balkans visit, NATO-EU, climate, space) and two opinion pieces (an op-ed, a think-tank commentary) on
# s14-guard70, scored once on main 2810b06 (P 0.936, R 0.977): kept back, never tuned on.
# Set 73, written blind in the seeds' layout and plain news voice (summit communique day, foreign ministers,
# Secretary General in Romania, NATO-Ukraine Council, capability targets, Military Committee, Indo-Pacific
# partners, energy security) on s14-guard73, scored once on main 1feacca (P 0.936, R 1.000): kept back,
# never tuned on.
# Set 67 (eight voices, written blind on s14-prose67) was scored once untuned on main 4c86721 (P 0.805,
# R 0.825, F1 0.815), then tuned on (0.964): it is in SETS, not here.
# Set 69 (eight voices, written blind on s14-prose69: seed-style news, a spokesperson's Q&A, a ministry's
# press release, regional TV, a partner's readout, translated press, a newsletter digest with a guest column)
# was scored once untuned on main f5f63e8 (P 0.841, R 0.949, F1 0.892), then tuned on (1.000): in SETS.
# Set 71 (seed-style news on rarer topics: rail gauges, critical minerals, DIANA, WPS, counter-drone, Arctic
# search and rescue, Black Sea mines, pandemic lessons; written blind on s14-prose71) was scored once untuned
# on main 8cd94b4 (P 0.970, R 0.821, F1 0.889), then tuned on (1.000): in SETS.
# Set 72 (eight voices, written blind on s14-prose72: a Balkan agency, an Indian outlet, a Latin American
# outlet, a Gulf outlet, a US local paper, a UK tabloid, a press-office summary, a student paper) was scored
# once untuned on main 44f2c06 (P 0.892, R 0.767, F1 0.825), then tuned on (1.000): in SETS.
# Set 77 (seed-layout visit and summit news: a president at NATO HQ, the Secretary General in Seoul, a summit's
# closing press conference, Chiefs of Defence, the Deputy Secretary General at an arms fair, a Baltic Air Policing
# handover, an ACT conference, accession talks; written blind on s15-prose77) was scored once untuned on main
# ad741f5 (P 0.875, R 0.980, F1 0.925), then tuned on (0.980): in SETS.
# Set 76, written blind in the seeds' layout and voice (s15-guard76: ten meeting, visit, exercise and assembly
# articles, 60 statements) and scored once on main 323a787 before session 15's tuning rounds (P 0.966, R 0.933):
# kept back, never tuned on.
# Set 74 (seed-layout news: Parliamentary Assembly session, NATO-Japan dialogue, summit host city, military
# mobility, production pledge review, undersea cables, NATO-Georgia Commission, a press conference; written blind
# on s15-prose74) was scored once untuned on main 29d580e (P 0.793, R 0.979, F1 0.876; 0.917 after four labels
# were corrected), then tuned on (0.981): in SETS.
# Set 75 (seed-layout news dense in the reader's weak constructions: "will be" + adjective, "is expected to be
# approved", hedges, conditionals, questions, negations, experts' voices, bodies named back as "the Agency",
# companies; written blind on s15-prose75) was scored once untuned on main 29d580e (P 0.833, R 0.900, F1 0.865;
# one label fixed after: a threat a researcher names is a concern), then tuned on (1.000): in SETS.
# Set 78 (eight outlets' registers: a wire story, a broadsheet analysis, Baltic regional English, defence trade
# press, a government press release, a partner's state media in translation, a live-blog summary, a podcast
# summary; written blind on s15-prose78) was scored once untuned on main 2ca7d5c (P 0.808, R 0.977, F1 0.884;
# one label fixed after: a partner's request for Patriot systems is a call for action; 0.896 so), then tuned on
# (0.989: the one FP left, a quoted "We are stepping up", set 20 labels a commitment): in SETS.
# Set 81, written blind in the seeds' layout and voice as a sample of an ordinary news stream, not a trap set
# (s16-guard81: ten visit, exercise, summit, committee and ministers' articles, 61 statements), scored once on
# main 58f994d before session 16's tuning rounds (P 0.909, R 0.984): kept back, never tuned on.
# Set 79 (seed-layout meeting news in generic English: defence ministers on air and missile defence, the Secretary
# General in Iceland, a NATO-Ukraine Council, a summit in Lisbon, a Military Committee conference, a Cyber Defence
# Pledge conference, Indo-Pacific partners, a Parliamentary Assembly session, an exercise in the High North, a
# sabotage meeting; written blind on s16-prose79) was scored once untuned on main 58f994d (P 0.870, R 0.984, F1
# 0.923; 0.947 after three labels were fixed to match earlier sets: an exercise "started" on Monday, "ready to
# defend every inch", a task force "expected to become operational in early 2027"), then tuned on (1.000): in SETS.
# Set 80 (ten seed-layout articles in four voices: three in seed 000's, three in seed 004's, a think-tank
# commentary and a communique explainer, two formal press statements; Western Balkans ministers, Black Sea,
# climate, ammunition production, NATO-EU mobility, space, energy, communique, the Secretary General in
# Washington, counter-terrorism; written blind on s16-prose80) was scored once untuned on main 58f994d (P 0.880,
# R 0.971, F1 0.923; two labels fixed after, each as earlier sets label the shape: 0.938 so), then tuned on
# (1.000): in SETS.
# Set 82 (seed-layout news written as an ordinary stream, not a trap set: a NATO-Moldova partnership meeting, Chiefs
# of Defence on posture in the east, the Secretary General in Ankara, a summit's opening day, an ACT innovation
# conference, North Sea infrastructure, NSATU ministers, a NATO-Japan dialogue, a WPS conference, a counter-drone
# exercise; written blind on s16-prose82) was scored once untuned on main 8003c17 (P 0.843, R 0.983, F1 0.908; one
# kind label fixed after: "must focus more on" is a focus), then tuned on (1.000): in SETS.
# Set 83 (ordinary seed-layout news, half in a text generator's voice ("The meeting aims to", "This meeting
# underscores", "Furthermore,", "is expected to", "The summit concluded with", "In conclusion,"), half by human
# news writers: defence ministers on the investment pledge, a NATO-Ukraine Commission on reforms, the Secretary
# General in Warsaw, a southern neighbourhood summit, AI and emerging technologies, a MARCOM conference, the Arctic
# with Canada and the Nordic Allies, the Chair of the Military Committee in the Western Balkans, disinformation
# and hybrid threats, a summit's closing communique; written blind on s16-prose83) was scored once untuned on
# main 90015c7 (P 0.849, R 0.939, F1 0.892; no label changed), then tuned on (1.000): in SETS.
# Set 86, written blind in the seeds' layout (s16-guard86: four articles in a text generator's voice, six by
# reporters; 67 statements), scored once on main ddd607d after session 16's rounds on sets 79, 80, 82 and 83
# (P 0.957, R 1.000): kept back, never tuned on.
# Set 84 (a precision set: about six statements per article among many look-alikes in statements' words: history,
# trends, forecasts, hedges, effects, descriptions of programmes, wrap-ups; a summit in Warsaw, visits to Romania,
# Sweden, Mauritania and Estonia, informal foreign ministers in Antalya, maritime commanders, an exercise, DIANA, the
# Central Asian partners; written blind on s16-prose84) was scored once untuned on main 90015c7 (P 0.843, R 1.000,
# F1 0.915; one label fixed after, as set 45 labels an intrusion told in the writer's voice: 0.923 so), then tuned
# on (1.000): in SETS.
# Set 85 (ordinary seed-layout news, half in a text generator's voice, half by human news writers: a NATO Industry
# Forum, the protection of civilians, the Secretary General in Ottawa, informal foreign ministers in Helsinki, fuel
# and pipelines, a summit side event with Middle East and North Africa partners, NATO-EU staff talks on hybrid
# threats, nuclear deterrence policy; written blind on s16-prose85) was scored once untuned on main ddd607d (P
# 0.980, R 1.000, F1 0.990; one country label fixed after: Rome as a place is optional), then tuned on (1.000).
# Set 87 (ordinary seed-layout news, five in seed 000's one-paragraph generator voice, five in seed 004's layout:
# space operations, BALTOPS, Black Sea security, armaments directors on ammunition, Women, Peace and Security, the
# Deputy Secretary General in the Western Balkans, counter-terrorism, the Resilience Committee in Oslo, climate and
# security, military mobility; written blind on s17-prose87) was scored once untuned on main 6c3583b (P 0.955,
# R 0.955, F1 0.955, kind accuracy 0.984; one label fixed after: a topic discussed "where" a threat is named is a
# concern, as set 22), then tuned on (1.000).
# Set 88 (ordinary news by human reporters and press officers, not a trap set: a wire story on air defence for the
# eastern flank, a NATO press release on undersea infrastructure, a think-tank analysis of the southern flank, a
# regional paper at the Cincu training area, a Chair of the Military Committee press conference, a foreign
# ministers' statement, a Parliamentary Assembly session, a Czech Ministry of Defence statement with a table, a
# NATO-Moldova meeting, a news brief; written blind on s17-prose88) was scored once untuned on main 6c3583b (P
# 0.938, R 0.938, F1 0.938, kind accuracy 0.978; one kind label fixed after, as set 15 labels "said the Alliance
# must ..." a call for action: kind accuracy 1.000 so), then tuned on (1.000): in SETS.
# Set 90 (ordinary news all in a text generator's voice, not a trap set: six in seed 000's one-paragraph layout,
# four in seed 004's: deterrence and defence posture, hybrid threats in Vilnius, arms control in Reykjavik, energy
# security, the High North in Bodø, the southern neighbourhood in Madrid, an innovation summit in Tallinn, capability
# targets, NATO-EU leaders, support to Ukraine in Wiesbaden; written blind on s17-prose90) was scored once untuned on
# main 677a394 (P 0.988, R 0.976, F1 0.982, kind accuracy 0.975; two labels fixed after, each as earlier sets label
# the shape: F1 0.994, kind accuracy 0.976 so), then tuned on (1.000): in SETS.
# Set 91 (ordinary news whose prose comes in the other shapes users send: hard-wrapped at 72 and 60 columns, HTML
# <p>/<div>/<br> blocks, full sentences in unicode and markdown bullets, blockquotes of a declaration, a CRLF file,
# a byline with an Editor's note, curly quotes and no-break spaces, a table followed by prose, a heading-less wire
# story; half in a text generator's voice; written blind on s17-prose91) was scored once untuned on main 677a394
# (P 0.925, R 0.984, F1 0.954, kind accuracy 0.935; four labels fixed after, each as earlier tuned sets label the
# shape), then tuned on (1.000): in SETS.
# Set 93 (ordinary news all in a text generator's default voice, not a trap set: seven in seed 004's layout, three in
# seed 000's: a summit's three working sessions, the Nuclear Planning Group, a NATO-Japan dialogue, the Euro-Atlantic
# Partnership Council, a Mediterranean maritime conference, Montenegro's accession anniversary, a DIANA challenge, a
# climate and security centre of excellence, Russia's shadow fleet in the Baltic Sea, a NATO-Ukraine defence industry
# forum; written blind on s17-prose93) was scored once untuned on main bb05491 (P 0.926, R 1.000, F1 0.962, kind
# accuracy 1.000; one label fixed after, as sets 43 and 51 label an adversary's step-up that officials "noted": F1
# 0.970 so), then tuned on (1.000): in SETS.
# Set 92 (ordinary news all in a text generator's voice, not a trap set: five in seed 000's one-paragraph layout,
# five in seed 004's: the Secretary General in Lisbon, a NATO Defense College graduation, a Parliamentary Assembly
# committee in Slovakia, an Energy Security Centre of Excellence conference, a Baltic Air Policing handover, defence
# spending and burden sharing, a NATO-Georgia Commission, a counter-drone exercise, a military medicine conference,
# a civil emergency exercise in Montenegro; written blind on s17-prose92) was scored once untuned on main bb05491 (P
# 0.940, R 1.000, F1 0.969, kind accuracy 1.000; two labels fixed after, each as earlier tuned sets label the shape:
# F1 0.985 so), then tuned on (1.000): in SETS.
# Set 95 (ordinary news by human reporters, not a trap set: five in seed 004's layout, five plain news stories:
# defence ministers on ammunition production, the Secretary General in Estonia, a summit's final day in Ankara, the
# NATO-Ukraine Council after a strike on Ukraine's power grid, an ACT conference, Steadfast Defender, a NATO-Japan
# cyber dialogue, Chiefs of Defence on the eastern flank, Arctic surveillance with Canada and Denmark, NATO-Jordan;
# written blind on s17-prose95) was scored once untuned on main 5519246 (P 0.922, R 0.983, F1 0.952, kind accuracy
# 1.000; one label fixed after, as sets 18, 21 and 23 label a quoted first-person need: F1 0.960 so), then tuned on
# (1.000): in SETS.
# Set 96 (ordinary news all in a text generator's voice, not a trap set, in layouts between the seeds': a title then
# 3-5 paragraphs, "Key Outcomes" / "Background" headings, three priorities tables, two initiative lists: NATO-EU
# resilience, foreign ministers on China, informal defence ministers on industry, the Nordic prime ministers, hybrid
# threats to elections, Kosovo with the Western Balkans, the southern flank and migration, air and missile defence,
# space assets, Central Asian partners; written blind on s17-prose96) was scored once untuned on main 5519246 (P
# 0.930, R 0.985, F1 0.957, kind accuracy 1.000; no label changed), then tuned on (1.000): in SETS.
# Set 97 (ordinary news, not a trap set: four in seed 000's layout and generator voice, four in seed 004's: a summit in
# Prague, defence ministers on the Readiness Action Plan, a MARCOM Red Sea conference, terrorism financing, the
# Secretary General in Canada's Arctic, the Suwałki gap, NATO-Australia technology, a Baltic Sentry review; written
# blind on s17-prose97) was scored once untuned on main c13ea63 (P 0.981, R 0.981, F1 0.981, kind accuracy 1.000;
# one label fixed after: "false information can ... undermine trust" is a concern, as set 33's "could undermine"),
# then tuned on (1.000): in SETS.
# Sets 89 and 94, written blind as kept-back guards in session 17 (s17-guard89: ten articles in the seeds' layouts
# in a text generator's voice, 73 statements; s17-guard94: ten, half a generator's voice and half a reporter's, 67
# statements), were scored once on main after the session's nine rounds (sets 87, 88, 90-93, 95-97): 89 P 0.948,
# R 1.000, F1 0.973; 94 P 0.944, R 1.000, F1 0.971; kind accuracy and country F1 1.000 on both. Kept back.
# Sets 100 and 105, written blind as kept-back guards in session 18 (s18-guards: 100 ten articles in the seeds'
# layouts and their generator's voice, 78 statements; 105 ten, five wire stories and five ministry press releases,
# 57 statements), were scored once on main 0cc5e36 after the session's four rounds (sets 98, 99, 101, 102):
# 100 P 0.951, R 0.987, F1 0.969; 105 P 0.871, R 0.947, F1 0.908; kind accuracy and country F1 1.000 on both. Kept back.
# Set 108, written blind as a kept-back guard at the start of session 19 (s19-guard108: ten articles, six in the
# seeds' layouts and generator voice, four in human voices: a wire story, a ministry press release, an analyst's
# commentary, a speech summary; 68 statements), was scored once on main 8400fb9 after the session's three rounds (sets
# 106, 107, 109): P 0.944, R 0.985, F1 0.964, kind accuracy 0.985, country F1 1.000. Kept back.
# Set 112, written blind as a kept-back guard at the start of session 20 (s20-guard112: ten articles, six in the
# seeds' layouts and generator voice on events unlike the seeds', four in human voices: a wire story, a foreign
# ministers' statement, an analyst's commentary, a parliamentary debate summary; 72 statements), was scored once on
# main ea2ac75 after the session's five rounds (sets 110, 111, 113, 114, 115): P 0.887, R 0.986, F1 0.934, kind
# accuracy 1.000, country F1 1.000 (9 false positives, 4 of them in the generator voice). Kept back.
# Set 119, written blind as a kept-back guard at the start of session 21 (s21-guard119: ten articles, six in the
# seeds' layouts and generator voice on events unlike the seeds', four in human voices: a wire story, a ministry
# readout, an analyst's commentary, a committee hearing summary; 73 statements), was scored once at the session's
# start on ef676e4, before its prose rounds: P 0.901, R 1.000, F1 0.948, kind accuracy 0.986, country F1 0.994 (one
# person's name read as Chad; fixed on other sentences, person_context.post_nominals), and the same F1 after the
# session's four rounds (117, 118, 120, 121). Kept back.
# Set 124, written blind as a kept-back guard at the start of session 22 (s22-guard124: ten articles in the seeds'
# own generator voice and layouts on topics not in the seeds, five in seed 000's (a title and one or two long
# paragraphs: space security, the southern neighbourhood, a Parliamentary Assembly session, military mobility, the
# Secretary General in Canada), five in seed 004's (headings, a priorities table, a bullet list: Moldova, critical
# raw materials with the EU, the Indo-Pacific partners, Türkiye, Nordic-Baltic energy infrastructure); 64
# statements), was scored once untuned on main b0d0d3c, before the session's prose rounds: P 0.955, R 0.984, F1
# 0.969, kind accuracy 1.000, country F1 1.000 (3 false positives, 1 miss). Kept back.
# Set 125, written blind as a kept-back guard in session 22 (s22-guard125: ten articles in the seeds' own
# generator voice and layouts on topics not in the seeds nor in set 124, five in seed 000's (a title and one long
# paragraph: Defence Ministers on readiness and stockpiles, Black Sea mine countermeasures, the Deputy Secretary
# General in Georgia, counter-terrorism, pandemic preparedness), five in seed 004's (headings, a table, a bullet list:
# the Secretary General in the Western Balkans, a Baltic Air Policing rotation, DIANA's challenge programme, Women,
# Peace and Security, a North Atlantic naval exercise); 66 statements), was scored once untuned on s22-guard125
# (main ffc211b's rules): P 0.939, R 0.939, F1 0.939, kind accuracy 1.000, country F1 1.000 (4 false positives,
# 4 misses). Kept back.
# Set 127, written blind as a kept-back guard in session 22 (s22-guard127: ten articles in the seeds' own voice and
# layouts on topics none of the seeds or guard sets 124-125 use, five in seed 000's (a summit's opening day in
# Lisbon, undersea cables and hybrid sabotage, foreign ministers in Oslo, the Nuclear Planning Group, disinformation
# and elections), five in seed 004's (the Secretary General in Ukraine, Finland's and Sweden's integration, climate
# and security, NATO-Japan talks, the Secretary General in Iceland); 61 statements; its writer never ran it), was
# scored once by the lead on main afc4dbf (after rounds 122, 123, 126 and guard 124's classes): P 0.937, R 0.967,
# F1 0.952, kind accuracy 1.000, country F1 1.000 (4 false positives, 2 misses). Kept back.
# Set 129, written blind as a kept-back guard in session 23 (s23-guard129: ten articles in the seeds' own voice and
# layouts on topics no earlier set uses, five in seed 000's (a summit's closing day in The Hague, the CBRN defence
# committee, migrants used as a weapon at the Belarus border, southern Allies on the Sahel, the Secretary General in
# Bulgaria), five in seed 004's (the Canadian-led brigade in Latvia, air and missile defence of cities, the Secretary
# General in Washington, Gulf partners in Kuwait, the Cyber Defence Pledge conference); 75 statements; its writer
# never ran it), was scored once by the lead on main af84437 (session 22's final rules): P 0.961, R 0.987, F1 0.974,
# kind accuracy 1.000, country F1 1.000 (3 false positives, 1 miss). Kept back.
# Its four error classes were then fixed on sentences of our own (s23-guardfix129): it reads 1.000 after, no longer
# a fresh figure.
# Set 132, written blind as a kept-back guard in session 23 (s23-guard132: ten articles in the seeds' own voice and
# layouts, five in seed 000's (a summit's first working session, the NATO-Ukraine Council, a Defence Planning Process
# meeting, NATO-EU staff talks on hybrid threats, Central Asian partners), five in seed 004's (the Secretary General
# with Germany's brigade in Lithuania, emerging and disruptive technologies, the Deputy Secretary General in Slovakia
# on logistics hubs, the Secretary General in Greece, the Madrid and Vilnius commitments reviewed); 92 statements; its
# writer never ran it), was scored once by the lead on main c9f110a, after all of session 23's rounds and guard 129's
# classes: P 0.978, R 0.967, F1 0.973, kind accuracy 0.955, country F1 1.000 (2 false positives, 3 misses, 4 kind
# errors: three 'creating risks that must be managed' read as priorities, labelled concerns). Kept back.
# Set 99 (news reports by wire reporters and ministry press offices, not a trap set but dense in quotes, reported
# speech, hedges, conditionals, negated commitments, recalled pledges, questions and non-NATO actors' actions: seven
# in seed 004's layout, three in seed 000's: defence ministers on air defence, the Secretary General's press
# conference on Ukraine, the German defence minister in Lithuania, NATO-Japan in Tokyo, foreign ministers on the Black
# Sea, Chiefs of Defence, Nordic and Baltic ministers in Warsaw, a summit press conference on spending, the EU High
# Representative at NATO, the Secretary General in Romania; written blind on s18-prose99) was scored once untuned on
# main 4f94365 (P 0.855, R 1.000, F1 0.922, kind accuracy 0.979; one label fixed after, as set 20 labels a base
# "being expanded": F1 0.932 so), then tuned on (1.000): in SETS.
# Set 98 (ordinary news in a text generator's voice unlike the seeds': varied openers, subordinate clauses, sentences
# naming many countries by capitals, demonyms and groups, background, venues and reports from elsewhere that look like
# statements; five in seed 000's layout, five in seed 004's: air defence of the eastern flank, foreign ministers in
# Riga, the Secretary General in Romania and Bulgaria, the Deputy Secretary General in the Visegrad capitals, a summit
# in Tirana, the NATO-Ukraine Council on energy, the Military Committee in Bodø, a cyber conference in Tallinn, the
# Indo-Pacific partners, southern Allies in Rome; written blind on s18-prose98) was scored once untuned on main 4f94365
# (P 0.915, R 0.964, F1 0.939, kind accuracy 0.963, country F1 0.953; one country label fixed after, as set 65 labels
# the G7's members optional: country F1 1.000 so), then tuned on (1.000).
# Set 101 (as close as could be to the seeds' own text generator, on topics earlier sets used less: the southern
# neighbourhood, undersea cables, DIANA and the Innovation Fund, Women, Peace and Security, human security, arms
# control, counter-drone defence, military mobility, supply chains, the Arctic; five in seed 000's layout, five in
# seed 004's; written blind on s18-prose101) was scored once untuned on main 65e4ecb (P 0.988, R 0.988, F1 0.988,
# kind accuracy 1.000, country F1 1.000; no label changed after), then tuned on (1.000).
# Set 102 (news about NATO meetings, visits and summits in the seeds' generator voice, each also carrying quotes,
# reported speech, hedges and conditionals, negations, pledges recalled from earlier years, questions, non-NATO
# actors' words and descriptions of the meeting itself; seven in seed 004's layout, three in seed 000's: defence
# ministers on air defence, spending in Bruges, the Secretary General in Japan, NATO-EU military mobility, foreign
# ministers on the Black Sea, the NATO-Ukraine Council on energy, Chiefs of Defence, Indo-Pacific partners, the
# Deputy Secretary General in Moldova and Georgia, preparations for the Ankara summit; written blind on
# s18-prose102) was scored once untuned on main 65e4ecb (P 0.908, R 0.983, F1 0.944, kind accuracy 1.000, country
# F1 1.000; no label changed), then tuned on (1.000).
# Set 106 (the seeds' own generator voice, on event kinds earlier sets used less: a NATO Parliamentary Assembly
# session, a Military Committee conference in Prague, a Partnership for Peace exercise briefing, a DIANA challenge
# launch, deputy foreign ministers preparing the summit, the Chair of the Military Committee in Norway, counter-
# terrorism, undersea cables and space, the Climate Change and Security Centre of Excellence, Women, Peace and
# Security; five in seed 000's layout, five in seed 004's; written blind on s19-prose106) was scored once untuned on
# main d3862f5 (P 0.914, R 0.985, F1 0.948, kind accuracy 1.000, country F1 1.000; one label fixed after, as set 93
# labels DIANA's launch of its challenge programme a commitment: F1 0.956 so), then tuned on (1.000).
# Set 107 (human reporters' voices, where precision was weakest: three wire stories with datelines, attributed quotes,
# "according to two diplomats" and summits recalled, two ministry press releases in the first person plural, two
# think-tank commentaries with hedges, critics, rhetorical questions and "NATO should", a summit live blog, an
# interview write-up with paraphrased questions, a local paper's base visit; written blind on s19-prose107) was
# scored once untuned on main d3862f5 (P 0.797, R 0.932, F1 0.859, kind accuracy 0.982, country F1 1.000; seven
# labels fixed after, each as earlier tuned sets label the shape: "ready to" + an action, "are expected to approve",
# a think tank's finding of a gap, a strait named after a country: F1 0.896 so), then tuned on (1.000).
# Set 109 (human voices in genres other than set 107's: a parliamentary committee's report summary, a defence
# minister's speech, an EU Council press release, a former ambassador's op-ed, the Secretary General's doorstep Q&A,
# a regional paper in translation, a military blog, a general staff briefing, a podcast summary, a joint statement
# of two ministers; written blind on s19-prose109) was scored once untuned on main 595ed67 (P 0.949, R 0.982, F1
# 0.966, kind accuracy 1.000, country F1 1.000; one label fixed after, as tuned sets label "Allies launched
# Operation Eastern Sentry to reinforce" a commitment: F1 0.974 so), then tuned on (1.000).
# Set 110 (NATO's own official voice, the documents analysts code by hand: a summit declaration's excerpts (numbered
# paragraphs on their own lines, ordered list items under cmark-gfm), a foreign ministers' statement from a feed with
# its paragraph numbers inline, a chair's statement, a press release on a defence ministerial, a pre-ministerial press
# conference and a doorstep by the Secretary General, a Parliamentary Assembly resolution, a NATO Review analysis, a
# NATO-EU joint statement, a SHAPE news item; written blind on s20-prose110) was scored once untuned on main e3a45f0
# (P 0.789, R 0.862, F1 0.824, kind accuracy 1.000, country F1 1.000; labels fixed after, each as earlier tuned sets
# label the shape: a paragraph number kept in its sentence (set 24), "is ready to deploy" (sets 5, 79, 107), "Russia
# continues to attack ... every night" (set 24), two statement country slips: F1 0.942 so), then tuned on.
# Set 111 (regional and national news about NATO in English as outlets of member and partner states write it, some
# slightly non-native: an Estonian broadcaster, a Polish portal, a Romanian daily on the Black Sea, a Finnish outlet
# on the High North, a Turkish outlet, a Canadian paper on its Latvia brigade, a Balkan outlet on KFOR, a Japanese
# wire on IP4 ties, an Australian outlet, a Moldovan outlet; national pledges, pledges recalled, conditionals,
# opposition criticism, datelines and captions; written blind on s20-prose111) was scored once untuned on main
# e3a45f0 (P 0.865, R 0.985, F1 0.921, kind accuracy 0.984, country F1 0.963; labels fixed after in three shapes,
# as tuned sets label "ready to" + an action under a condition a commitment, The Hague a place (optional NLD) and
# read "Nordic" + any noun as the group (made optional): F1 0.929, country F1 1.000 so), then tuned on (1.000).
# Set 113 (the seeds' own generator voice with its other habits: "Furthermore", "It is worth noting that", "This
# reflects", "Experts believe", "Observers note", "concluded with", "Looking ahead", table summaries, passive pledges,
# "Emphasis was placed on", "Participants acknowledged that", "It was agreed that", "There was consensus that",
# "raised concerns over", "highlighted the risks of"; five in seed 000's layout, five in seed 004's: defence spending
# in The Hague, NATO-Japan, the Arctic, hybrid threats, the Partnership for Peace's anniversary, an exercise review,
# counter-terrorism, climate and security, maritime security, NATO-Africa; written blind on s20-prose113) was scored
# once untuned on main c51432b (P 0.988, R 0.955, F1 0.971, kind accuracy 0.976, country F1 1.000; one statement
# country label fixed after, as sets 15 and 35 label "the Hague Summit": optional NLD), then tuned on (1.000).
# Set 115 (the seeds' own generator voice varied in length and density rather than in phrasing: three very short
# articles, three long ones with prose after the table and the list, three decoy-heavy (most sentences background,
# attendance, commentary, praise, hopes), three dense with precedence decided inside one sentence: a summit
# follow-up, the Nuclear Planning Group, an ICI dialogue, a Cyber Defense Pledge review, civil preparedness, the
# NATO-Georgia Commission, women, peace and security, standardisation, military mobility, the Mediterranean
# Dialogue, an innovation demo day, counter-drone; written blind on s20-prose115) was scored once untuned on main
# a7644ff (P 0.974, R 0.987, F1 0.980, kind accuracy 1.000, country F1 1.000; one label fixed after, as the seeds'
# labels read seed 004's "remain resolute in their dedication to" a commitment), then tuned on (1.000).
# Set 114 (NATO's own news stories and the defence trade press: five nato.int newsroom items, "During the visit, the
# Secretary General ...", "He stressed that ...", "welcomed the progress", quotes run into the text; five trade-press
# pieces: an NSPA contract award, an exercise report, an arms-fair write-up, a joint 155mm deal, a capability-target
# review, with companies' announcements, acronyms, numbers and dates; written blind on s20-prose114) was scored once
# untuned on main a7644ff (P 0.890, R 0.970, F1 0.929, kind accuracy 0.954, country F1 1.000; labels fixed after in
# four shapes, as tuned sets label them: "said that Allies must <act>" a call for action, a gap analysts or industry
# name a concern, a plan in a relative clause, "will present"), then tuned on (1.000).
# Set 116 (analysts' and parliaments' voices: three think-tank commentaries on a summit and two ministerials, a
# Commons debate and a Canadian committee hearing, two op-eds by former officials, a conference panel, a podcast
# summary, a think-tank event mixing a minister's keynote with experts' views; written blind on s20-prose116) was
# scored once untuned on main 45b9534 (P 0.753, R 1.000, F1 0.859, kind accuracy 1.000, country F1 1.000; five labels
# fixed after, as sets 109 and 114 label the shapes: a threat or gap an outsider names a concern, "said that Allies
# should <act>" a call, a promise to present a plan: P 0.812, F1 0.896 so), then tuned on.
# Set 118 (voices not yet written blind: three wire stories (Reuters, AP and AFP styles: datelines, attributed quotes,
# "said on Tuesday", reactions), three member-state government readouts (a German defence ministry, a Norwegian
# foreign ministry, a UK gov-style readout with Türkiye), two pieces with non-NATO actors' reactions beside NATO's
# (Beijing and Moscow on a Tokyo liaison office, the Kremlin and Belarus on a training mission for Ukraine), a summit
# live blog with bold timestamps, an FAQ explainer; written blind on s21-prose118) was scored once untuned on main
# a5f0038 (P 0.863, R 0.955, F1 0.906, kind accuracy 1.000, country F1 1.000; two labels fixed after, each as earlier
# tuned sets label the shape: an intrusion told in the writer's voice (sets 45, 84), a plan that "will be
# presented" (sets 27, 56, 69, 90): P 0.890, F1 0.922 so), then tuned on (1.000).
# Set 121 (NATO news as other text generators and wire rewriters write it: the polished LLM register ("In a
# significant move", "underscored", "Moreover,", "It is worth noting that", "This development comes amid", "Analysts
# say", "sent a clear message"), the press-agency rewrite (dateline, a quote a paragraph, attribution at the end) and
# the bulletin ("Key outcomes:" in prose); five in seed 000's layout, five in seed 004's: a NATO-Ukraine Council on
# winter energy, an ACT conference, a summit declaration day, ministers on the production pledge, a visit to Bosnia
# and Herzegovina, NATO-African Union staff talks, a High North deployment, Article 4 consultations after an airspace
# violation, a revised AI strategy, a counter-drone exercise; written blind on s21-prose121) was scored once untuned
# on 2f76ac8 (P 0.938, R 0.968, F1 0.953, kind accuracy 1.000, country F1 1.000; two labels fixed after, each as
# earlier tuned sets label the shape: a quoted "We will defend every inch" (prose_corpus, sets 5, 79), an adversary's
# activity that "has increased" (sets 35, 51, 93): P 0.969, F1 0.969 so), then tuned on (1.000).
# Set 117 (the seeds' own generator voice dense in the decoys the contract names, written the way that voice writes
# them: wrap-ups, "will provide strategic guidance / valuable lessons", "is expected to strengthen", topics "also part
# of the discussion", background, others' doings, hopes; statements in the voice's rarer verbs and nominalisations
# ("reaffirmed their determination / goal", "placed emphasis on", "the focus of attention", "raised alarm over",
# "stressed the urgency of", "pledged support for"), passives and two-clause sentences; five in seed 000's layout,
# five in seed 004's: foreign ministers on the Western Balkans, a Partnership for Peace anniversary, NATO-EU staff
# talks, BALTOPS, the Secretary General in Türkiye, counter-terrorism, a climate and security centre opening, a
# NATO-Industry Forum, the Indo-Pacific partners, a youth summit; written blind on s21-prose117) was scored once
# untuned on main a5f0038 (P 0.924, R 0.859, F1 0.891, kind accuracy 1.000, country F1 1.000; one label fixed after,
# as set 14 labels the centre "officially opened in Montreal" news of a launch: P 0.939, F1 0.899 so), then tuned on
# (1.000): in SETS.
# Set 120 (the seeds' own generator voice as a model writes "news-style texts about NATO meetings, visits and
# summits": seven in seed 004's layout (the Secretary General in Tokyo and Seoul, the NATO-Ukraine Council on air
# defence, a Black Sea conference, an innovation conference in Norfolk, the Deputy Secretary General in the Western
# Balkans, a climate and security conference, foreign ministers on the eastern flank), three in seed 000's; the
# voice's verbs ("vowed", "committed to bolstering", "set a target of", "sounded the alarm over", "raised questions
# about the vulnerability of", "Central to the discussions was"); written blind on s21-prose120) was scored once
# untuned on 2f76ac8 (P 0.944, R 0.907, F1 0.925, kind accuracy 0.985, country F1 1.000; one label fixed after, as
# set 56 labels "NATO aims to build" a commitment: "NATO seeks to maintain its technological edge": P 0.958, F1
# 0.932 so), then tuned on (1.000).
# Set 122 (the official voices that report NATO meetings: NATO's own news items ("NATO Defence Ministers met in
# Brussels on Thursday (5 June 2025)", "Ministers agreed", "Allies pledged", "the Secretary General stressed /
# warned", "Mr Rutte thanked") and national ministries of defence's press releases ("the minister announced that
# Estonia will join", "Our armed forces will", "Quotes", "Quick Facts"); five in seed 000's layout (Defence Ministers
# on capability targets, Estonia's minister, the Secretary General in Türkiye, Dutch F-35s for Poland, the
# Indo-Pacific partners), five in seed 004's (the Chiefs of Defence Session, Norway hosting Cold Response, the
# NATO-Industry Forum, Canada's brigade in Latvia, the Council on hybrid attacks); written blind on s22-prose122)
# was scored once untuned on b0d0d3c (P 0.929, R 1.000, F1 0.963, kind accuracy 0.981, country F1 1.000; one label
# fixed after, as sets 5 and 79 label "ready to defend every inch of Allied territory" a pledge: P 0.946, F1 0.972
# so), then tuned on (1.000).
# Set 123 (regional and non-native-English news about NATO: Lithuanian, Montenegrin, Norwegian, Turkish, Polish,
# Romanian and Korean outlets ("informed that", "underlined the necessity of", "it was stated that", articles left
# out, "until 2030", comma splices), and parliamentary and think-tank summaries (a NATO Parliamentary Assembly
# committee, a Baltic think tank's analysis, a Latvian Saeima committee hearing): hedges, members' suggestions,
# opposition calls; five in seed 000's layout, five in seed 004's; written blind on s22-prose123) was scored once
# untuned on b0d0d3c (P 0.921, R 0.935, F1 0.928, kind accuracy 0.983, country F1 1.000; no label fixed), then tuned
# on (1.000).
# Set 126 (the seeds' own generator voice on topics and countries the seeds do not use, dense in the contract's
# decoys (aims, significance, background, discussions without decisions): five in seed 000's layout (defence
# ministers on ammunition, a summit on the southern flank, a NATO-EU high-level meeting, a Baltic Sea naval
# exercise, chiefs of defence on air and missile defence), five in seed 004's (the Secretary General in Australia
# and New Zealand, a Partnership for Peace conference, the Deputy Secretary General in Canada on the Arctic, the
# Secretary General in Türkiye, an Istanbul Cooperation Initiative meeting in Kuwait); written blind on
# s22-prose126) was scored once untuned on ffc211b (P 0.952, R 0.983, F1 0.967, kind accuracy 1.000, country F1
# 1.000; one label fixed after, as set 2 labels "Italy has long argued that ... deserve more of the Alliance's
# attention" a priority: P 0.968, R 0.984, F1 0.976 so), then tuned on (1.000).
# Set 128 (a shorter round, 8 articles in the seeds' own voice on topics no earlier set of session 22 used: four in
# seed 000's layout (the Secretary General in Romania, fuel logistics and the NATO Pipeline System, KFOR in northern
# Kosovo as a wire piece, Operation Sea Guardian in the Mediterranean), four in seed 004's (a NATO-Industry Forum in
# Madrid, Locked Shields, the annual 2% / 5% spending figures, the Redzikowo missile defence site); 51 statements;
# written blind on s22-prose128) was scored once untuned on ef9bd06 (P 0.909, R 0.980, F1 0.943, kind accuracy
# 1.000, country F1 1.000; one label fixed after, a quoted sentence labelled with straight quotes where the article
# has curly ones, as sets 121 and 126 label a quote as written: P 0.927, R 1.000, F1 0.962 so), then tuned on (1.000).
# Set 130 (10 articles in the seeds' own generator voice, dense in decoys, on topics no set of sessions 21-22 used:
# five in seed 000's layout (the Secretary General in Baghdad, civil protection against wildfires and floods in
# Skopje, the special operations commanders' conference, the Deputy Secretary General in Albania, Central Asian
# partners in Astana), five in seed 004's (the Science and Technology Board on quantum, CBRN defence in Vyškov,
# military medicine in Budapest, the Secretary General in Bulgaria, armaments directors on unmanned systems); 73
# statements; written blind on s23-prose130) was scored once untuned on eeb7690, main 6afc75a's rules (P 0.901, R
# 1.000, F1 0.948, kind accuracy 1.000, country F1 1.000; 8 false positives, all decoys; no label changed), then
# tuned on (1.000).
# Set 131 (real outlets' voices no earlier set used: wire copy in three house styles (a dated dateline lead with
# attribution after the fact, a visit to Finland's border, a summit wrap), a NATO press-conference transcript summary
# (the Q&A turned into prose), two government readouts (a call, a bilateral meeting with a table and a list), an
# op-ed on a summit in its writer's own voice, a national parliamentary committee report, a think-tank roundtable
# summary, Sweden's ministry press release in unofficial translation; written blind on s23-prose131) was scored once
# untuned on 6afc75a (P 0.878, R 0.878, F1 0.878, kind accuracy 0.972, country F1 1.000; two labels fixed after, each
# as earlier tuned sets label the shape: "the Government will publish a plan" a commitment as sets 14, 102 and 117
# label a text an actor will publish, Allies who "have long complained that the alliance ignores instability" a
# concern as set 23's "Southern Allies complain that": P 0.902, R 0.881, F1 0.892, kind accuracy 1.000 so), then
# tuned on (1.000).
UNTUNED = {
    "prose_heldout47": {"f1": 0.737, "kind_accuracy": 1.0, "country_f1": 1.0},
    "prose_heldout50": {"f1": 0.732, "kind_accuracy": 1.0, "country_f1": 1.0},
    "prose_heldout53": {"f1": 0.906, "kind_accuracy": 1.0, "country_f1": 1.0},
    "prose_heldout55": {"f1": 0.920, "kind_accuracy": 1.0, "country_f1": 1.0},
    "prose_heldout57": {"f1": 0.987, "kind_accuracy": 1.0, "country_f1": 1.0},
    "prose_heldout59": {"f1": 1.0, "kind_accuracy": 1.0, "country_f1": 1.0},
    "prose_heldout61": {"f1": 0.948, "kind_accuracy": 1.0, "country_f1": 1.0},
    "prose_heldout63": {"f1": 0.932, "kind_accuracy": 0.971, "country_f1": 1.0},
    "prose_heldout64": {"f1": 0.907, "kind_accuracy": 1.0, "country_f1": 1.0},
    "prose_heldout66": {"f1": 0.921, "kind_accuracy": 0.966, "country_f1": 1.0},
    "prose_heldout68": {"f1": 0.986, "kind_accuracy": 0.972, "country_f1": 1.0},
    "prose_heldout70": {"f1": 0.956, "kind_accuracy": 0.977, "country_f1": 1.0},
    "prose_heldout73": {"f1": 0.967, "kind_accuracy": 1.0, "country_f1": 1.0},
    "prose_heldout76": {"f1": 0.949, "kind_accuracy": 0.982, "country_f1": 1.0},
    "prose_heldout81": {"f1": 0.945, "kind_accuracy": 0.967, "country_f1": 1.0},
    "prose_heldout86": {"f1": 0.978, "kind_accuracy": 0.970, "country_f1": 1.0},
    "prose_heldout89": {"f1": 0.973, "kind_accuracy": 1.0, "country_f1": 1.0},
    "prose_heldout94": {"f1": 0.971, "kind_accuracy": 1.0, "country_f1": 1.0},
    "prose_heldout100": {"f1": 0.969, "kind_accuracy": 1.0, "country_f1": 1.0},
    "prose_heldout105": {"f1": 0.908, "kind_accuracy": 1.0, "country_f1": 1.0},
    "prose_heldout108": {"f1": 0.964, "kind_accuracy": 0.985, "country_f1": 1.0},
    "prose_heldout112": {"f1": 0.934, "kind_accuracy": 1.0, "country_f1": 1.0},
    "prose_heldout119": {"f1": 0.948, "kind_accuracy": 0.986, "country_f1": 0.994},
    "prose_heldout124": {"f1": 0.969, "kind_accuracy": 1.0, "country_f1": 1.0},
    "prose_heldout125": {"f1": 0.939, "kind_accuracy": 1.0, "country_f1": 1.0},
    "prose_heldout127": {"f1": 0.952, "kind_accuracy": 1.0, "country_f1": 1.0},
    "prose_heldout129": {"f1": 0.974, "kind_accuracy": 1.0, "country_f1": 1.0},
    "prose_heldout132": {"f1": 0.973, "kind_accuracy": 0.955, "country_f1": 1.0},
}
# Issue 13's acceptance floors on the hidden corpus (the goals are F1 0.95, countries 0.98).
FLOORS = {"f1": 0.80, "kind_accuracy": 0.90, "country_f1": 0.95}


def _labels(name: str) -> dict:
    return yaml.safe_load((HERE / name / "labels.yaml").read_text(encoding="utf-8"))


def _document_countries(gaz, text: str) -> tuple[str, ...]:
    """``documents.countries`` as the pipeline computes it."""
    source = text.lstrip("\ufeff")
    return union_countries(m.mention for m in document_mentions(parse_document(source), text, gaz))


def _sentence_country_accuracy(gaz, folder: Path, labels: dict) -> float:
    """Share of labelled statements found whose ``countries`` equal the label (optional ones ignored)."""
    right = total = 0
    for name, doc in labels.items():
        text = (folder / name).read_text(encoding="utf-8").lstrip("\ufeff")
        records = read_statements(
            split_lines(text),
            parse_document(text).sections,
            find_countries=lambda s: list(union_countries(gaz.find(s))),
        )
        found = {r.text: set(r.countries) for r in records}
        for gold in doc["statements"]:
            if gold["text"] in found:
                skip = set(gold.get("optional") or [])
                total += 1
                right += found[gold["text"]] - skip == set(gold["countries"]) - skip
    return right / total if total else 0.0


def heldout_scores(name: str) -> dict[str, float]:
    """Statement P/R/F1, kind accuracy, document country F1 and statement country accuracy of one set."""
    folder, labels, gaz = HERE / name, _labels(name), load_gazetteer()
    gold = {f: {s["text"]: s["kind"] for s in doc["statements"]} for f, doc in labels.items()}
    scores = score_corpus(folder, gold, strict=False)
    countries = {f: doc["countries"] for f, doc in labels.items()}
    optional = {f: doc.get("optional") or [] for f, doc in labels.items()}
    f1, wrong = corpus_f1(gaz, folder, countries, _document_countries, optional)
    scores["country_f1"] = f1
    scores["statement_country_accuracy"] = _sentence_country_accuracy(gaz, folder, labels)
    print(f"{name}: " + ", ".join(f"{k} {v:.3f}" for k, v in scores.items()), *wrong, sep="\n  ")
    return scores


@pytest.mark.parametrize("name", [s for s in SETS if (HERE / s / "labels.yaml").exists()])
def test_heldout_set_meets_the_acceptance_floors(name: str) -> None:
    labels = _labels(name)
    assert sorted(labels) == sorted(p.name for p in (HERE / name).iterdir() if p.suffix in {".txt", ".md"})
    scores = heldout_scores(name)
    assert all(scores[k] >= floor for k, floor in FLOORS.items()), scores


@pytest.mark.parametrize("name", sorted(UNTUNED))
def test_untuned_set_keeps_its_first_score(name: str) -> None:
    """A set kept back from tuning: later rules must not score it below its first (honest) score."""
    scores = heldout_scores(name)
    assert all(scores[k] >= first - 0.0005 for k, first in UNTUNED[name].items()), scores
