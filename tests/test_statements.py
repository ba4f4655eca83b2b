"""Statement classification: the rules file, the contract's examples, and F1 on a hand-labelled corpus."""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Collection
from pathlib import Path

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from nato_briefs.parse import parse_document, split_lines
from nato_briefs.prose import StatementRecord, read_statements
from nato_briefs.sentences import RULES_FILE, split_sentences
from nato_briefs.statements import (
    KINDS,
    MAX_CHARS,
    Classification,
    Rule,
    StatementRules,
    _Sentence,
    classify,
    load_authors_voice,
    load_statement_rules,
    parse_statement_rules,
    read_sentence,
    sentence_words,
)

CORPUS = Path(__file__).parent / "prose_corpus"
LABELS = yaml.safe_load((CORPUS / "labels.yaml").read_text(encoding="utf-8"))


def _sentences(path: Path) -> list[str]:
    doc = parse_document(path.read_text(encoding="utf-8"))
    return [p[a:b] for s in doc.sections for p in s.text.split("\n\n") for a, b in split_sentences(p)]


def _statements_by_index(path: Path) -> dict[int, StatementRecord]:
    """The pipeline's reading of a document (``read_statements``: per sentence, then the author's voice),
    by ``sentence_index``, which counts the sentences in ``_sentences``'s order."""
    text = path.read_text(encoding="utf-8")
    return {r.sentence_index: r for r in read_statements(split_lines(text), parse_document(text).sections)}


def score_corpus(corpus: Path, gold_by_file: dict[str, dict[str, str]], strict: bool = True) -> dict[str, float]:
    """Statement precision/recall/F1 (a sentence is a statement or not) and kind accuracy on true positives.

    ``gold_by_file`` maps a file name to its labelled sentences (text -> kind). ``strict`` fails on a
    labelled sentence the splitter does not produce; otherwise it counts as a missed statement (a
    held-out set measures the splitter too).
    """
    tp = fp = fn = kind_right = 0
    for name, gold in gold_by_file.items():
        sentences = _sentences(corpus / name)
        missing = set(gold) - set(sentences)
        assert not (strict and missing), f"{name}: labelled sentences the splitter does not produce: {missing}"
        fn += len(missing)
        found_at = _statements_by_index(corpus / name)
        for index, sentence in enumerate(sentences):
            found = found_at.get(index)
            if found and sentence in gold:
                tp += 1
                kind_right += found.kind == gold[sentence]
            elif found:
                fp += 1
            elif sentence in gold:
                fn += 1
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"precision": precision, "recall": recall, "f1": f1, "kind_accuracy": kind_right / tp if tp else 0.0}


def corpus_scores() -> dict[str, float]:
    """The scores on tests/prose_corpus (strict: every labelled sentence must be split as labelled)."""
    return score_corpus(CORPUS, {name: {g["text"]: g["kind"] for g in gold or []} for name, gold in LABELS.items()})


def test_corpus_covers_enough_articles() -> None:
    files = sorted(p.name for p in CORPUS.glob("*.txt"))
    assert sorted(LABELS) == files
    assert len(files) >= 25
    assert sum(len(v or []) for v in LABELS.values()) >= 80
    assert {g["kind"] for v in LABELS.values() for g in v or []} == set(KINDS)


def test_corpus_f1_and_kind_accuracy() -> None:
    scores = corpus_scores()
    print(f"prose corpus: {scores}")
    assert scores["f1"] >= 0.9, scores
    assert scores["kind_accuracy"] >= 0.9, scores


@pytest.mark.parametrize(
    ("sentence", "kind"),
    [
        ("NATO leaders agreed to increase intelligence cooperation and information sharing.", "commitment"),
        ("Training programs for local forces in vulnerable countries will also be expanded.", "commitment"),
        ("These steps include strengthening the troop presence in the Baltic states.", "commitment"),
        ("Allies have decided to step up patrols in the Baltic Sea.", "commitment"),
        ("Investing in cybersecurity technology is a priority on the agenda.", "priority"),
        ("One of the main topics discussed was increased Russian military activity.", "priority"),
        ("Leaders expressed deep concern about the aggressive actions.", "concern"),
        ("Cyber attacks are one of the most damaging threats to the stability of NATO countries.", "concern"),
        ("Ministers identified critical gaps in air defence.", "concern"),
        ("Ministers named energy security as a key concern.", "concern"),
        ("Participants agreed that interoperability remains crucial.", "priority"),
        ("Leaders expressed concern about cyber attacks and agreed to invest in cyber defence.", "commitment"),
        ("Leaders called cyber security a priority and warned of attacks.", "priority"),
    ],
)
def test_contract_examples(sentence: str, kind: str) -> None:
    found = classify(sentence)
    assert found is not None and found.kind == kind, found


@pytest.mark.parametrize(
    "sentence",
    [
        "The meeting took place in Brussels on Monday.",
        "Ministers from all Allies attended the session.",
        "The decisions resulting from this meeting will provide strategic guidance for NATO's future actions.",
        "It is hoped that this dialogue will create space for closer collaboration.",
        "The mission was launched in 1994.",
        "The main initiatives are listed below:",
        "The Secretary General will visit Tokyo next week.",
        "A press conference will be held after the summit.",
        "Russia announced that it will deploy new missiles in Kaliningrad.",
        "The company said it will build a new factory in Lithuania.",
        "The issue of climate change was also part of the discussion.",
        "Speakers praised the dedication of the troops.",
        "Discussions spanned topics including cyber threats and hybrid warfare.",
    ],
)
def test_not_statements(sentence: str) -> None:
    assert classify(sentence) is None


# One case per rule added after the held-out sets (tests/prose_heldout*) were scored: (sentence, kind, cue).
ADDED_CASES = [
    ("Vilnius welcomed the decision of Germany to keep a brigade in Lithuania.", "commitment", "the decision to"),
    ("Allies took the decision to triple the size of the force.", "commitment", "the decision to"),
    ("Romania has requested additional air defence batteries.", "commitment", "asked for / requested"),
    ("Finland asked Allies to send more maritime patrol aircraft.", "commitment", "asked for / requested"),
    ("The Netherlands offered to lead the new battlegroup.", "commitment", "pledged"),
    ("The Secretary General said Allies should invest more in air defence.", "commitment", "must / should"),
    ("The Pentagon will send two more destroyers to Rota.", "commitment", "will (do)"),
    ("Danish and Dutch air crews will take over the mission in June.", "commitment", "a force or programme"),
    ("Colonel Anna Berg said the battalion would arrive by May.", "commitment", "a force or programme would"),
    ("If the situation worsens, Allies will reinforce the eastern flank.", "commitment", "will (do)"),
    ("Countering disinformation is a central objective of the strategy.", "priority", "main topics"),
    ("Above all, Allies want stable supplies of ammunition.", "priority", "first and foremost"),
    ("Ministers see resilient energy supplies as essential for deterrence.", "priority", "consider / regard"),
    ("The centre will concentrate on maritime surveillance.", "priority", "will focus on"),
    ("Counter-drone defence received immediate attention from ministers.", "priority", "particular attention"),
    ("Attacks on undersea cables endanger Europe's energy supply.", "concern", "threatens / undermines"),
    ("Foreign interference could undermine democratic institutions.", "concern", "threatens / undermines"),
    ("Ministers described the missile tests as reckless.", "concern", "called it dangerous"),
    ("Arms smuggling is rising across the region, officials cautioned.", "concern", "warn"),
    ("Foreign interference is among the most urgent concerns for partners.", "concern", "key concern"),
    # added after scoring tests/prose_heldout2 (its misses, in other words)
    ("Leaders renewed their support for Moldova's defence reforms.", "commitment", "affirmed commitment"),
    ("Our goal is to triple the number of trained crews by 2027.", "commitment", "the aim is to"),
    ("Canadian engineers are due to deploy to Latvia in the spring.", "commitment", "set to deploy"),
    ("Maritime security in the south merits greater attention.", "priority", "deserves more attention"),
    ("The minister said the incursions were “a clear danger.”", "concern", "is a threat"),
    ("The North Atlantic Council said it would send more ships.", "commitment", "will (do)"),
    ("Energy dependence was cited as a strategic risk.", "concern", "is a threat"),
    ("The main threat to the region is Russian aggression, the report found.", "concern", "the biggest risk"),
    # added after scoring tests/prose_heldout3 (sample-article style)
    ("Allies agreed on the need for a stronger presence in the south.", "priority", "importance of / need for"),
    ("Ministers agreed that air defence shortfalls remain critical gaps.", "concern", "critical gaps"),
    ("The Standing NATO Maritime Group will patrol the Aegean from May.", "commitment", "will (do)"),
    ("Ukrainian pilots will receive additional training and equipment.", "commitment", "will receive"),
    ("Resilience is seen by many Allies as an integral part of deterrence.", "priority", "named as critical"),
    ("Concerns have been voiced that ammunition stocks are too low.", "concern", "expressed concern"),
    ("Partnership with the EU is a cornerstone of the Alliance's approach.", "priority", "main topics"),
    ("Georgia requested further support for its coast guard.", "commitment", "asked for / requested (a request"),
    # added after scoring tests/prose_heldout4 and prose_heldout5
    ("Allies were encouraged to speed up their procurement.", "commitment", "call for"),
    ("Ministers adopted the Climate, Security and Resilience Policy.", "commitment", "approve / adopt"),
    ("The Netherlands is pressing ahead with the purchase of new frigates.", "commitment", "moving forward with"),
    ("Leaders stressed that air defence must be strengthened urgently.", "priority", "stressed that X must"),
    ("Ammunition shortages are a serious obstacle to readiness.", "concern", "the biggest risk"),
    # added after scoring tests/prose_heldout6
    ("Hybrid warfare was the main theme of the conference.", "priority", "main topics"),
    ("Leaders noted the challenges posed by Iran's missile programme.", "concern", "threat from / posed by"),
    ("Ministers describe the overflights as a provocation.", "concern", "called it dangerous"),
    # added after scoring tests/prose_heldout7
    ("Deterrence was at the heart of the deliberations.", "priority", "at the heart of"),
    ("He reaffirmed the Alliance's support for Moldova's reforms.", "commitment", "affirmed commitment"),
    ("Austria plans to join the exercise next year.", "commitment", "plan to / intend to"),
    ("Every Ally will submit a national plan by June.", "commitment", "will (do)"),
    ("Deterring aggression is the overarching objective.", "priority", "main topics"),
    ("Russia's aggression was condemned by Allies.", "concern", "condemn"),
    ("Allies must prioritise the protection of critical infrastructure.", "priority", "prioritise"),
    # added after scoring tests/prose_heldout8
    ("Denmark has ordered four more air defence systems.", "commitment", "selected / ordered"),
    ("Both countries will patrol the strait together.", "commitment", "will (do)"),
    ("Modernising air defence is an absolute necessity.", "priority", "a necessity"),
    ("The importance of resilient supply chains was underlined by ministers.", "priority", "the need for X was"),
    ("Ports and pipelines remain vulnerable to sabotage.", "concern", "vulnerable to sabotage"),
    # added after scoring tests/prose_heldout9
    ("Ministers agreed during the meeting to double the rotations.", "commitment", "agreed to"),
    ("Allies agreed on Friday to send more ships.", "commitment", "agreed to"),
    ("Additional interceptors will be made available to Ukraine.", "commitment", "will be expanded"),
    ("In the spring, the task group will sail to the Mediterranean.", "commitment", "a force or programme"),
    ("The rise in drone incursions is particularly worrying.", "concern", "is deeply troubling"),
    # added after scoring tests/prose_heldout10
    ("Allies categorically rejected the annexation of Ukrainian territory.", "concern", "condemn"),
    ("Its position on the Black Sea makes Romania essential for deterrence.", "priority", "makes it vital"),
    ("Space was identified as a domain requiring more investment.", "priority", "an area needing investment"),
    ("Iran's drone transfers are viewed as a destabilising influence.", "concern", "seen as a destabilising"),
    # added after scoring tests/prose_heldout11
    ("The incursions were characterised as provocative by ministers.", "concern", "called it dangerous"),
    ("Leaders endorsed new capability objectives for the land domain.", "commitment", "approve / adopt"),
    ("The exercise revealed serious weaknesses in logistics.", "concern", "critical gaps"),
    ("Reinforcement plans will be rehearsed in the autumn.", "commitment", "will be expanded"),
    ("Terrorism remains their most pressing concern.", "concern", "key concern"),
    ("NSPA awarded two contracts for new radars.", "commitment", "selected / ordered"),
    ("Energy security is a matter of strategic importance.", "priority", "a matter of vital interest"),
    ("The new battalion is expected to reach full strength in 2026.", "commitment", "a force or programme"),
    ("Port capacity is one of the main bottlenecks for reinforcement.", "concern", "the biggest risk"),
    ("Poland will host a new logistics hub for Allied forces.", "commitment", "will (do)"),
    # added after scoring tests/prose_heldout12
    ("Ministers encouraged closer cooperation between Allied shipyards.", "commitment", "call for"),
    ("Customs barriers still slow the movement of equipment.", "concern", "obstacles slow"),
    ("Leaders adopted a new vision for the Alliance's partnerships.", "commitment", "approve / adopt"),
    ("The reinforcement drills will be carried out in the spring.", "commitment", "will be expanded"),
    ("The incident showed the risks of escalation in the region.", "concern", "threat from / posed by"),
    ("Hybrid attacks on railways are a cause for concern.", "concern", "key concern"),
    ("Ministers agreed that Russia will remain the main threat for years.", "concern", "is a threat"),
]


@pytest.mark.parametrize(("sentence", "kind", "cue"), ADDED_CASES)
def test_rules_added_after_the_held_out_set(sentence: str, kind: str, cue: str) -> None:
    found = classify(sentence)
    assert found is not None and found.kind == kind and found.cue.startswith(cue), found


ADDED_NOT_STATEMENTS = [
    "Allies did not agree to deploy a permanent brigade.",
    "Ministers have not yet decided to extend the mission.",
    "Reporters asked whether NATO would send ships to the region.",
    "Allies will not send combat troops.",
    "In 2006, Allies agreed to spend 2% of GDP on defence.",
    "Allies pledged in 2014 to halt the decline in defence spending.",
    "Allies will mark the 75th anniversary with a ceremony in Washington.",
    "Allies will hold a commemorative ceremony in Normandy.",
    "An analyst at the Atlantic Council said that a larger fleet would be essential.",
    "Some critics worried that the fund was too small.",
    "Chinese Foreign Minister Wang Yi said Beijing would expand its presence.",
    '"We are ready!" he warned.',
    "The main aim of the visit was to meet the new government.",
    "Ministers will gather in Tallinn next spring.",
    "Cyber defence will also be on the agenda.",
    "The minister expressed confidence that Allies will act together.",
    "Ministers met for a two-day session focused on hybrid threats.",
    "The summit closed with a renewed sense of unity and purpose.",
    "Norway will continue to play a key role in the region.",
    "The commanders will present their findings to the Military Committee in May.",
    "Such consultations are crucial moments for building trust.",
    "The minister would like to see faster progress.",
    "The Secretary General must leave for Washington tomorrow.",
    "The government asked for clarification on the timeline.",
    "The authorities have opened an investigation into the incident.",
    "The Deputy Secretary General delivered a keynote speech at the forum.",
    "Since 2016, Allies have steadily increased their defence budgets.",
    "The minister visited troops deployed near the border.",
    "He met the Prime Minister to discuss the challenges posed by China's military build-up.",
    "Moscow has called the exercise a provocation.",
    "Officials ordered an investigation into the incident.",
    "The visit highlighted the importance of the partnership.",
    "Participants agreed that the meeting had been useful.",
    "Lithuania will host a follow-up meeting in December.",
    "The strikes aim to break the will of the people.",
    "Both sides will remain in close contact.",
    "Beijing's foreign ministry described the patrols as a threat to peace.",
]


@pytest.mark.parametrize("sentence", ADDED_NOT_STATEMENTS)
def test_not_statements_added_after_the_held_out_set(sentence: str) -> None:
    assert classify(sentence) is None


# Rules added or widened after scoring tests/prose_heldout13 and 14, each as a general phrasing:
# (sentence the rule reads, its kind, the cue, a near miss, what the near miss is: None or a kind).
RULE_PAIRS = [
    (
        "Drones have become a serious danger to Allied bases.",
        "concern",
        "is a threat",
        "The region has become a hub for trade.",
        None,
    ),
    (
        "The crisis in the Sahel is a source of instability for Europe.",
        "concern",
        "a source of instability",
        "The partnership is a source of stability in the region.",
        None,
    ),
    (
        "Cyber defence is high on the agenda of the summit.",
        "priority",
        "high on the agenda",
        "First on the agenda was a briefing by the commander.",
        None,
    ),
    (
        "Resilience remains at the top of the Alliance's agenda.",
        "priority",
        "at the heart of the discussions",
        "The hotel sits at the top of the hill.",
        None,
    ),
    (
        "Air defence takes priority over other procurement projects.",
        "priority",
        "takes priority",
        "Questions of protocol and precedence were settled before the summit.",
        None,
    ),
    (
        "The United Kingdom is to lead a new multinational fleet.",
        "commitment",
        "is to (an actor",
        "The role of NATO is to protect its members.",
        None,
    ),
    (
        "Poland is due to host a major NATO exercise next year.",
        "commitment",
        "plan to / intend to",
        "The Secretary General is due to visit Ankara next week.",
        None,
    ),
    (
        "Poland has begun building new fortifications along its border.",
        "commitment",
        "has begun building",
        "Allies have begun discussing the future of the mission.",
        None,
    ),
    (
        "NATO is deploying additional ships to the Baltic Sea.",
        "commitment",
        "is deploying",
        "NATO says Russia is deploying more troops near the border.",
        None,
    ),
    (
        "Germany will be sending two more frigates to the Baltic Sea.",
        "commitment",
        "will be sending",
        "The Secretary General will be travelling to Ankara next week.",
        None,
    ),
    (
        "Leaders resolved to strengthen deterrence on the eastern flank.",
        "commitment",
        "resolved to",
        "The dispute was resolved to the satisfaction of both sides.",
        None,
    ),
    (
        "Ministers gave the green light to a new air policing mission.",
        "commitment",
        "gave the green light",
        "Officials are still waiting for the green light from parliament.",
        None,
    ),
    (
        "Allies remain wary of China's growing nuclear arsenal.",
        "concern",
        "expressed concern",
        "Some investors were wary of the new rules.",
        None,
    ),
    (
        "Baltic officials fear that Russia could test NATO's resolve.",
        "concern",
        "fear that",
        "Fishermen fear that the new rules will hurt them.",
        None,
    ),
    (
        "Russia's disinformation campaign is undermining trust in democratic institutions.",
        "concern",
        "is undermining",
        "The weather was threatening to delay the exercise.",
        None,
    ),
    (
        "The cyber attack on the hospital was an act of aggression.",
        "concern",
        "an act of aggression",
        "The conference is a form of cooperation on counter-terrorism.",
        None,
    ),
    # not-statement rules and narrowed cues: the near miss is the sentence the change must not lose
    (
        "Ministers agreed on the need to strengthen air defence.",
        "priority",
        "importance of / need for",
        "Allies need to invest more in air defence.",
        "priority",  # a need: every "need to" the held-out sets label is a priority (was commitment before set 25)
    ),
    (
        "The selected companies will receive funding and mentoring.",
        "commitment",
        "will receive",
        "The company will open a new plant in Lithuania.",
        None,
    ),
    (
        "Allies renewed their call for a ceasefire.",
        "commitment",
        "call for",
        "The outage was a wake-up call for Europe.",
        None,
    ),
    (
        "What Allies will do is send more air defence systems.",
        "commitment",
        "will (do)",
        "What the new force will look like has not yet been decided.",
        None,
    ),
    (
        "Ministers will strengthen the situation centre in Mons.",
        "commitment",
        "will (do)",
        "Ministers will review the situation in the Western Balkans.",
        None,
    ),
    (
        "Germany will host the NATO Cyber Defence Centre's new training range.",
        "commitment",
        "will (do)",
        "Germany will host the NATO Cyber Defence Centre's first annual conference.",
        None,
    ),
    # second round: phrasings found missing by probing news wording, not by a held-out sentence
    (
        "Sweden has pledged 20 million euros to the fund.",
        "commitment",
        "pledged",
        "Sweden has pledged allegiance songs to the archive.",
        None,
    ),
    (
        "The new command will be headquartered in Naples.",
        "commitment",
        "will be expanded",
        "The talks will be based on the report.",
        None,
    ),
    (
        "Leaders instructed the Council to develop an action plan.",
        "commitment",
        "tasked / instructed",
        "The attacks were directed at civilian infrastructure.",
        None,
    ),
    (
        "Allies reached agreement on a new air defence plan.",
        "commitment",
        "reached agreement",
        "Negotiators have yet to reach a deal on the text.",
        None,
    ),
    (
        "NATO agreed a new package of support for Moldova.",
        "commitment",
        "agreed a new package",
        "Participants agreed the meeting had been useful.",
        None,
    ),
    (
        "The plan foresees the deployment of 5,000 troops.",
        "commitment",
        "the plan foresees",
        "The report sets out the history of the Alliance.",
        None,
    ),
    (
        "The mission's mandate has been extended by another year.",
        "commitment",
        "mandate extended",
        "The mandate was extended in 2015.",
        None,
    ),
    (
        "Allies welcomed Sweden's offer to host a new forward land force.",
        "commitment",
        "welcomed the offer",
        "The Secretary General welcomed the participants to the meeting.",
        None,
    ),
    (
        "The Netherlands is buying 12 more F-35s.",
        "commitment",
        "is deploying",
        "The Netherlands says Russia is buying drones from Iran.",
        None,
    ),
    (
        "Countering drones is a pressing need.",
        "priority",
        "a pressing need",
        "The new hospital meets the needs of local families.",
        None,
    ),
    (
        "The Kremlin's nuclear rhetoric is dangerous and irresponsible, the Secretary General said.",
        "concern",
        "is dangerous / unacceptable",
        "It is dangerous to assume that peace will last.",
        None,
    ),
    (
        "North Korea's missile tests are a clear violation of UN resolutions.",
        "concern",
        "a violation of",
        "Officials said the claims were a distortion of the facts.",
        None,
    ),
    (
        "Corruption remains a persistent problem in the region.",
        "concern",
        "the biggest risk",
        "The problem was discussed at length.",
        None,
    ),
    (
        "Allies raised concerns about the attacks.",
        "concern",
        "expressed concern",
        "Allies raised their defence spending by 18%.",
        "commitment",
    ),
    # third round: from the misses of tests/prose_heldout15 (scored once untuned first)
    (
        "NATO leaders backed a new goal of investing more in defence.",
        "commitment",
        "approve / adopt",
        "Voters backed the government in the election.",
        None,
    ),
    (
        "Progress towards the goal will be reviewed in 2029.",
        "commitment",
        "progress will be reviewed",
        "The text will be reviewed by journalists.",
        None,
    ),
    (
        "Hungarian fighters took over the air policing mission on Monday.",
        "commitment",
        "took over the mission",
        "Italy took over the mission in 2010.",
        None,
    ),
    (
        "Twenty-three Allies have joined a new initiative to boost ammunition production.",
        "commitment",
        "joined a new initiative",
        "Thousands of people joined the protest in Tbilisi.",
        None,
    ),
    (
        "At least 3.5% of GDP will go to core defence requirements.",
        "commitment",
        "money will go to",
        "Half of the visitors will go to the museum.",
        None,
    ),
    (
        "The crackdown on protesters is unacceptable.",
        "concern",
        "is dangerous / unacceptable",
        "It is unacceptable to wait any longer.",
        None,
    ),
    (
        "Allies deplore the decision of the government to suspend the talks.",
        "concern",
        "condemn",
        "Allies welcomed the decision of the government to resume the talks.",
        "commitment",
    ),
    (
        "NATO decided how Allies would share the costs.",
        "commitment",
        "will (do)",
        "The exercise rehearses how Allies would reinforce the region in a crisis.",
        None,
    ),
    (
        "Military planners regard rapid reinforcement as decisive.",
        "priority",
        "consider / regard",
        "The match was decisive for the league.",
        None,
    ),
    (
        "Election interference is growing, the centre's director warned.",
        "concern",
        "warn",
        "Spain secured an exemption, a move criticised by several Allies.",
        None,
    ),
    (
        "Several Allies are offering to lead new missions.",
        "commitment",
        "pledged",
        "NATO's defence planning to counter threats is under way.",
        None,
    ),
    # fourth round: from the misses of tests/prose_heldout16 (scored once untuned first)
    (
        "The package includes air surveillance radars and training for officers.",
        "commitment",
        "steps include",
        "The report includes a map of the region.",
        None,
    ),
    (
        "Türkiye insists that the convention must be fully respected.",
        "priority",
        "stressed that X must be done",
        "Türkiye insists on its position.",
        None,
    ),
    (
        "Gender perspectives are being integrated into all NATO exercises.",
        "commitment",
        "are being integrated",
        "Gender perspectives are being discussed at the conference.",
        None,
    ),
    (
        "The issue was singled out as a concern by ministers.",
        "concern",
        "key concern",
        "The issue was singled out as a success by ministers.",
        None,
    ),
    (
        "The border remains the most exposed stretch of the Alliance's frontier.",
        "concern",
        "vulnerable to sabotage",
        "The museum is most exposed to visitors in summer.",
        None,
    ),
    (
        "Denmark and Sweden each pledged DKK 500 million.",
        "commitment",
        "pledged",
        "Ottawa has been criticised in the past for slow deliveries.",
        None,
    ),
    (
        "A shortage of trained personnel was described by ministers as their most pressing headache.",
        "concern",
        "the biggest risk",
        "Moldova has no plans to join the Alliance.",
        None,
    ),
    (
        "We must be ready for the next incursion, the Secretary General said.",
        "commitment",
        "remain committed",
        "The report is prepared for ministers.",
        None,
    ),
    (
        "He said Allies had to find cheaper ways to shoot down drones.",
        "commitment",
        "must / should",
        "We will have to see what happens next.",
        None,
    ),
    (
        "Support for Ukraine will stay at the centre of the group's work.",
        "priority",
        "at the heart of",
        "Allies will also look at buying commercial satellite imagery.",
        None,
    ),
    (
        "Fighter jets from Denmark are now flying over the region around the clock.",
        "commitment",
        "jets are now flying",
        "The aircraft is now flying again after repairs.",
        None,
    ),
    # after scoring tests/prose_heldout17 once (F1 0.935 untuned, recorded in bench/PROSE_ACCURACY.md)
    (
        "Cyber defence has become one of the defining security issues of our time.",
        "priority",
        "main topics",
        "The defining moment came in the final hour.",
        None,
    ),
    (
        "Under this framework, Allies will be able to request support within hours.",
        "commitment",
        "will be able to",
        "Allies will be able to see the results next year.",
        None,
    ),
    (
        "In response, Allies offered a new package of support.",
        "commitment",
        "pledged",
        "In a changing world, the meeting offered a valuable opportunity to coordinate positions.",
        None,
    ),
    # Added after scoring tests/prose_heldout18 and 19 (longer news texts: wire reports, readouts,
    # think-tank summaries); a near miss that is None for a not-statement rule is the sentence it blocks.
    (
        "Allies will not stand by while their undersea cables are cut.",
        "commitment",
        "will not stand by",
        "The old bridge will not stand another winter.",
        None,
    ),
    (
        "The new command is meant to be running by the end of next year.",
        "commitment",
        "is meant to be running by",
        "The new command is meant to be a symbol of unity.",
        None,
    ),
    (
        "Deliveries of the new tanks are scheduled to begin in March.",
        "commitment",
        "a force or programme will",
        "The initiative will be reviewed by ministers next spring.",
        None,
    ),
    (
        "The fund, which has raised 2.5 billion euros so far, will finance new drones.",
        "commitment",
        "a force or programme will",
        "The fund, which was created by a bank, lost money last year.",
        None,
    ),
    (
        "A small liaison team is also set to open in Erbil next year.",
        "commitment",
        "a force or programme will",
        "A small liaison team is also based in Erbil.",
        None,
    ),
    (
        "Lithuania, whose border has seen dozens of incidents in recent months, asked Allies to send more air defence.",
        "commitment",
        "asked Allies to",
        "Reporters asked the minister to comment on the incident.",
        None,
    ),
    (
        "The new pledge commits Allies to spending 3.5% of GDP on core defence.",
        "commitment",
        "commits Allies to",
        "The treaty commits its signatories to nothing concrete.",
        None,
    ),
    (
        "Southern Allies pressed for a dedicated plan for the Sahel.",
        "commitment",
        "pressed for",
        "The minister spoke to the press for the first time since the election.",
        None,
    ),
    (
        "Poland has proposed that the Alliance build a drone wall along its eastern border.",
        "commitment",
        "proposed that",
        "The proposed new fund was discussed at length.",
        None,
    ),
    (
        "Some Allies intend to reduce their troop presence in the region.",
        "commitment",
        "plan to / intend to",
        "She did not comment on reports that some Allies intend to reduce their troop presence.",
        None,
    ),
    (
        "Everyone in this Alliance should invest more in air defence.",
        "commitment",
        "must / should",
        "Nobody in this Alliance should take peace for granted.",
        None,
    ),
    (
        "Allies plan to expand their defence industrial cooperation.",
        "commitment",
        "plan to / intend to",
        "Allies plan to meet again in the spring.",
        None,
    ),
    (
        "Allied ministers are expected to approve the new force model.",
        "commitment",
        "plan to / intend to",
        "Allied ministers are expected to discuss the new force model at their next meeting.",
        None,
    ),
    (
        "Ministers agreed on a new plan for the southern neighbourhood.",
        "commitment",
        "agreed to",
        "The authors recommend that ministers agree on a new plan for the South.",
        None,
    ),
    (
        "NATO launched a new mission to protect undersea cables.",
        "commitment",
        "launch",
        "Ministers reviewed progress on the mission launched in September to protect undersea cables.",
        None,
    ),
    (
        "Allies called for an immediate halt to the attacks.",
        "commitment",
        "call for",
        "Belgrade called for calm after the clashes.",
        None,
    ),
    (
        "The Secretary General asked the Military Committee to draw up new options.",
        "commitment",
        "asked for / requested",
        "The Secretary General asked the reporters to wait.",
        None,
    ),
    (
        "Officials said the Alliance established a training mission in Iraq last month.",
        "commitment",
        "launch",
        "NATO has worked with Iraq since 2004, when it established a training mission.",
        None,
    ),
    (
        "Allies are ready to help Moldova build up its defences.",
        "commitment",
        "remain committed / resolute",
        "The minister added that Czech companies are ready to expand production if contracts are signed.",
        None,
    ),
    (
        "Poland has tripled its order for Korean howitzers.",
        "commitment",
        "step up / deploy",
        "Drone production in Ukraine has tripled this year.",
        None,
    ),
    (
        "Beijing's policies were described as a systemic challenge.",
        "concern",
        "is a threat",
        "There was no mention of China in the declaration, which described nothing as a challenge.",
        None,
    ),
    (
        "Speed of reinforcement is the decisive factor for deterrence.",
        "priority",
        "is the decisive factor",
        "Cost was a key factor in the delay of the programme.",
        None,
    ),
    (
        "Lasting funding for Ukraine's forces is the key to a just peace.",
        "priority",
        "is the decisive factor",
        "The key to the armoury was lost during the move.",
        None,
    ),
    (
        "Space and cyber were identified as the areas for closer cooperation.",
        "priority",
        "identified as the areas for",
        "The field was identified as the area of the crash.",
        None,
    ),
    (
        "Leaders put military mobility at the heart of the declaration.",
        "priority",
        "at the heart of",
        "The heart of the old city was closed to traffic.",
        None,
    ),
    (
        "Stocks of air defence interceptors remain dangerously low.",
        "concern",
        "dangerously low",
        "Ammunition stocks remain critically important for deterrence.",
        "priority",
    ),
    (
        "The sabotage of the pipeline is a stark reminder of the threats facing critical infrastructure.",
        "concern",
        "an example of the threats",
        "The exercise is a good example of cooperation between Allies.",
        None,
    ),
    (
        "Officials described the flights as a deliberate attempt to intimidate the Baltic states.",
        "concern",
        "a deliberate campaign to intimidate",
        "The campaign to recruit more reservists has been a success.",
        None,
    ),
    (
        "We should not underestimate Russia's ability to rebuild its forces.",
        "concern",
        "should not underestimate",
        "We should not overestimate the cost of the programme.",
        None,
    ),
    (
        "Strikes on power plants are putting millions of civilians at risk.",
        "concern",
        "puts X at risk",
        "The course looked at risk management in military logistics.",
        None,
    ),
    (
        "European ammunition production has not kept pace with demand.",
        "concern",
        "has not kept pace",
        "The minister kept pace with the runners during the charity race.",
        None,
    ),
    (
        "The vessels could be used to cut undersea cables in a crisis.",
        "concern",
        "could be used to cut",
        "The vessels could be used to carry humanitarian aid.",
        None,
    ),
    (
        "Allies are watching the military build-up with great concern.",
        "concern",
        "expressed concern",
        "The parade was watched with great interest by the public.",
        None,
    ),
    (
        "Drifting mines remain a hazard for merchant ships.",
        "concern",
        "is a threat",
        "The crew switched on the hazard lights.",
        None,
    ),
    (
        "The attack showed how vulnerable small Allies are to digital sabotage.",
        "concern",
        "vulnerable to sabotage",
        "Troops were trained to help vulnerable people during floods.",
        None,
    ),
    (
        "Allies regarded the missile transfers as a flagrant violation of UN resolutions.",
        "concern",
        "a violation of",
        "Allies regarded the exercise as a success.",
        None,
    ),
    (
        "Hybrid attacks will become more frequent, the authors warn.",
        "concern",
        "warn",
        "Hybrid attacks were discussed at length, the authors note.",
        None,
    ),
    (
        "Officials in both countries described the cable damage as sabotage.",
        "concern",
        "called it dangerous",
        "Officials described the cable repair as routine.",
        None,
    ),
    # Added after scoring tests/prose_heldout20 (wire, press release, analysis, speech, live blog).
    (
        "The minister thanked Germany for its support and promised to finish the new barracks on time.",
        "commitment",
        "pledged",
        "The minister thanked Germany for its support and its leadership.",
        None,
    ),
    (
        "NATO's eastern flank will be reinforced with two more brigades.",
        "commitment",
        "will be expanded",
        "NATO's eastern flank has been reinforced since the invasion with eight battlegroups.",
        None,
    ),
    (
        "Ukraine's navy said it had launched a new naval drone unit.",
        "commitment",
        "launch",
        "Ukraine's navy said the enemy had launched 47 drones at the ports overnight.",
        None,
    ),
    (
        "Romania launched a new air defence programme in the spring.",
        "commitment",
        "launch",
        "Romania scrambled jets after a drone launched during the attack entered its airspace.",
        None,
    ),
    (
        'Spain says it will "fulfil every capability target" it has been given.',
        "commitment",
        "will (do)",
        'Spain says it will "not be bound" by the target.',
        None,
    ),
    (
        "Resilience, they argued, is as important as air defence.",
        "priority",
        "is essential",
        "All times are Central European Time.",
        None,
    ),
    (
        "The south should be given the same attention as the eastern flank, Italy argued.",
        "priority",
        "particular attention",
        "The south received the same answer as last year.",
        None,
    ),
    (
        "The main concern is that an adversary could paralyse decision-making.",
        "concern",
        "key concern",
        "Her concern was answered by the minister.",
        None,
    ),
    (
        "Such strikes risk escalation along the border.",
        "concern",
        "threat from / posed by",
        "Such strikes are a calculated move, officials said.",
        None,
    ),
    (
        "The strikes kill civilians and endanger shipping.",
        "concern",
        "threatens",
        "The strikes kill civilians and end in failure.",
        None,
    ),
    (
        "I am asking every Ally to present a national plan this year.",
        "commitment",
        "asked Allies to",
        "I am asking every reporter to be patient.",
        None,
    ),
    (
        "Germany announced its intention to station a brigade in Lithuania.",
        "commitment",
        "announced",
        "Germany first announced its intention to station a brigade in Lithuania in June.",
        None,
    ),
    (
        "Allies agreed on attributing the campaign to a state.",
        "commitment",
        "agreed to",
        "Others doubted that Allies would agree on attributing the campaign to a state.",
        None,
    ),
    (
        "Participants said the threat would only grow as drones get cheaper.",
        "concern",
        "the threat will only grow",
        "Participants said the budget would only grow as the economy recovers.",
        "commitment",
    ),
    (
        "The government has also offered tax breaks to soldiers' families.",
        "commitment",
        "offered tax breaks",
        "The government has offered condolences to the families of the victims.",
        None,
    ),
    (
        "Together with Norway, we are working on a new Arctic mission.",
        "commitment",
        "working on a new mission",
        "Allies are working on the assumption of a long war.",
        None,
    ),
    (
        "Any peace deal must be backed by strong security guarantees.",
        "priority",
        "must be done",
        "Officials believe much more must be done.",
        None,
    ),
    (
        "The navy lacks the ships needed to patrol the whole coast.",
        "concern",
        "lacks the radars needed",
        "The navy lacks nothing, the admiral said.",
        None,
    ),
    (
        "Allied efforts against disinformation are too fragmented.",
        "concern",
        "too fragmented",
        "The talks were too short to reach a deal.",
        None,
    ),
    (
        "China has become the decisive enabler of Russia's war against Ukraine.",
        "concern",
        "the enabler of",
        "Logistics is the key enabler of rapid reinforcement.",
        "priority",  # a key enabler named: a priority (set 59; not a concern, the point of this pair)
    ),
    (
        "China's nuclear build-up should worry all of us.",
        "concern",
        "this should worry us",
        "We should wait for all of us to arrive.",
        None,
    ),
    (
        "Air defence is where the gaps are largest.",
        "concern",
        "the gaps are largest",
        "Air defence is where the budgets are largest.",
        None,
    ),
    # Added after scoring tests/prose_heldout21 (HTML release, interview, report, feature, committee summary).
    (
        "Poland has bought two more Patriot batteries.",
        "commitment",
        "selected / ordered",
        "Allies worry that their start-ups could be bought up by foreign investors.",
        "concern",
    ),
    (
        "Germany has raised its defence budget by a third.",
        "commitment",
        "step up / deploy",
        "We have raised it with the aviation authorities.",
        None,
    ),
    (
        "Kyiv has asked to be included in the new transport corridors.",
        "commitment",
        "asked for / requested",
        "Kyiv has asked to be left out of the talks.",
        None,
    ),
    (
        "The fund will invest in the most promising firms.",
        "commitment",
        "a force or programme will",
        "The fund will consider investing in the most promising firms.",
        None,
    ),
    (
        "Allies have doubled the number of troops in Estonia.",
        "commitment",
        "step up / deploy",
        "The number of Allied soldiers in Estonia has doubled.",
        None,
    ),
    (
        "Allies will have to increase their stocks of ammunition.",
        "commitment",
        "must / should",
        "This is what we would have to do in a war.",
        None,
    ),
    (
        "Allies criticised the drills as provocative.",
        "concern",
        "condemn",
        "Moscow criticised the exercise as provocative.",
        None,
    ),
    (
        "The selected firms will receive up to 300,000 euros each.",
        "commitment",
        "will receive",
        "The selected firms will receive a certificate of participation.",
        None,
    ),
    (
        "Quantum technologies will be added to the list of challenges.",
        "commitment",
        "will be expanded",
        "Quantum technologies would be a useful addition.",
        None,
    ),
    (
        "The new plan assigns Allied units to specific regions.",
        "commitment",
        "the plan foresees",
        "The teacher assigns homework to the pupils.",
        None,
    ),
    (
        "Estonia has agreed with Finland to link their coastal missile systems.",
        "commitment",
        "agreed to",
        "Estonia has agreed with Finland's assessment of the situation.",
        None,
    ),
    (
        "The United States has warned in the past against projects that exclude American firms.",
        "concern",
        "warn",
        "The United States has waited in the past for such projects.",
        None,
    ),
    (
        "The committee describes recruitment as a crisis.",
        "concern",
        "called it dangerous",
        "The committee describes recruitment as a success.",
        None,
    ),
    (
        "Thousands of troops began a two-week exercise in Norway on Monday.",
        "commitment",
        "began an exercise",
        "Thousands of troops began a two-week holiday on Monday.",
        None,
    ),
    (
        "This year's challenges focus on energy resilience and sensing.",
        "priority",
        "the programme focuses on",
        "This year's challenges were difficult for start-ups.",
        None,
    ),
    (
        "Officials conceded that progress has been slow.",
        "concern",
        "progress has been slow",
        "Officials conceded that the ship has been slow to arrive.",
        None,
    ),
    (
        "Diplomats pointed to the long-running dispute as an obstacle to cooperation.",
        "concern",
        "pointed to X as an obstacle",
        "Diplomats pointed to the agreement as an example of cooperation.",
        None,
    ),
    (
        "The armed forces would struggle to sustain a long war.",
        "concern",
        "would struggle to sustain",
        "The armed forces would like to sustain their recruitment drive.",
        None,
    ),
    (
        "Stocks are far below what NATO's plans require.",
        "concern",
        "far below what",
        "The stocks are stored far below the ground.",
        None,
    ),
    (
        "Too few start-ups make it from a prototype to a contract.",
        "concern",
        "too fragmented",
        "Not too long ago, start-ups were rare.",
        None,
    ),
    (
        "Several Allies worry that start-ups could be bought by foreign investors.",
        "concern",
        "fear that",
        "Several reporters worry that the train will be late.",
        None,
    ),
    # round after held-out sets 22-23 (branch s6-recall2)
    (
        "The Military Committee recommended that Allies invest in rail and road links.",
        "commitment",
        "recommended that Allies",
        "We recommend that the Alliance appoint a special envoy for the south.",
        None,
    ),
    (
        "Any attack on an Ally will be met with a swift and united response.",
        "commitment",
        "will be met with a response",
        "The delegation will be met by the mayor at the airport.",
        None,
    ),
    (
        "NATO is here to stay in the Baltic region.",
        "commitment",
        "we are here to stay",
        "The tourists are here to stay for a week.",
        None,
    ),
    (
        "We need more engineers, and we need them fast.",
        "priority",
        "we must / we need",
        "We are not where we need to be on air defence.",
        None,
    ),
    (
        "We must invest more in air defence.",
        "priority",
        "we must / we need",
        "We must be ready for the next incursion.",
        "commitment",
    ),
    (
        "Officials pointed to a rising wave of arson attacks on rail lines.",
        "concern",
        "a growing pattern of sabotage",
        "A new series of stamps celebrates the anniversary.",
        None,
    ),
    (
        "Ammunition stocks are running low after two years of deliveries to Ukraine.",
        "concern",
        "stocks run down",
        "The stock market ran higher on Tuesday.",
        None,
    ),
    (
        "Southern Allies complained about the lack of attention to the south.",
        "concern",
        "complain that",
        "Residents complain about the noise of the jets.",
        None,
    ),
    (
        "Intelligence sharing with partners in the Gulf remains limited.",
        "concern",
        "remains limited",
        "Access to the conference remains limited to accredited journalists.",
        None,
    ),
    (
        "Hackers have repeatedly targeted the ministry's email servers.",
        "concern",
        "have repeatedly targeted",
        "The advertising campaign targeted young voters.",
        None,
    ),
    (
        "Many Allies do not have enough artillery ammunition.",
        "concern",
        "do not have enough",
        "Allies now have enough ammunition for the exercise.",
        None,
    ),
    (
        "The visit comes ahead of a drill that will see 3,000 troops cross the Vistula.",
        "commitment",
        "future exercise or deployment",
        "The drill saw 3,000 troops cross the Vistula last year.",
        None,
    ),
    (
        "The Black Sea is of growing strategic importance to the Alliance.",
        "priority",
        "of great importance",
        "The old fortress is of great historical interest.",
        None,
    ),
    (
        "Disinformation was raised as a challenge for all Allies.",
        "concern",
        "is a threat",
        "The flag was raised as a sign of respect.",
        None,
    ),
    (
        "Ministers described the lack of radars as a critical vulnerability.",
        "concern",
        "critical gaps",
        "Air defence was described as a critical capability.",
        "priority",
    ),
    (
        "Cyber attacks were described as challenges that require close attention.",
        "concern",
        "is a threat",
        "Cyber defence requires close attention.",
        "priority",
    ),
    (
        "NATO will first set up a small cell in Riga.",
        "commitment",
        "launch",
        "NATO first set up a cell in Riga in 2021.",
        None,
    ),
    (
        "Allies agreed last week to send more ships.",
        "commitment",
        "agreed to",
        "Allies agreed two years ago to send more ships.",
        None,
    ),
    (
        "Leaders highlighted the importance of air defence.",
        "priority",
        "importance of",
        "The visit ended on Friday, highlighting the importance of air defence.",
        None,
    ),
    (
        "Poland has ordered 48 more launchers.",
        "commitment",
        "selected / ordered",
        "Crews are missing for the launchers they have ordered.",
        None,
    ),
    (
        "The minister said the new battalion would deploy in May.",
        "commitment",
        "will (do)",
        "The mayor hoped the new battalion would bring jobs.",
        None,
    ),
    (
        "NATO opened a new liaison office in Amman.",
        "commitment",
        "launch",
        "The question of funding is still open, officials said.",
        None,
    ),
    (
        "Air defence remains high on the agenda.",
        "priority",
        "high on the agenda",
        "Whether air defence will remain high on the agenda is unclear.",
        None,
    ),
    # round after held-out set 24 (branch s6-recall2)
    (
        "The air policing mission will be made permanent.",
        "commitment",
        "will be expanded",
        "The damage was made worse by the storm.",
        None,
    ),
    (
        "Drones can also be used by adversaries to jam signals.",
        "concern",
        "could be used to cut",
        "Drones can also be used by farmers to spray crops.",
        None,
    ),
    (
        "The three countries will build a joint ammunition plant.",
        "commitment",
        "will (do)",
        "The three musketeers will build a castle.",
        None,
    ),
    (
        "Without air defence, Europe will be far less safe.",
        "concern",
        "will be more dangerous / less safe",
        "The new barracks will be more comfortable.",
        None,
    ),
    (
        "Allies delivered 40 air defence systems to Ukraine.",
        "commitment",
        "step up / deploy",
        "Allies delivered more in 2025 than in the year before.",
        None,
    ),
    (
        "A new package of measures was presented at the meeting.",
        "commitment",
        "initiatives were presented",
        "The awards were presented by the mayor.",
        None,
    ),
    (
        "Our focus now is on air defence.",
        "priority",
        "the focus now is on",
        "The camera's focus is on the speaker.",
        None,
    ),
    (
        "The attack on the embassy was strongly condemned.",
        "concern",
        "were strongly condemned",
        "The plan was strongly supported by ministers.",
        None,
    ),
    (
        "Russian air activity near the border has reached levels not seen since 1991.",
        "concern",
        "levels not seen since",
        "Tourism has reached levels not seen since 2019.",
        None,
    ),
    (
        "Several navies have had to delay new frigates.",
        "concern",
        "have had to delay",
        "The ministers have had to leave early.",
        None,
    ),
    (
        "Russia continues to attack Ukraine's power grid.",
        "concern",
        "Russia continues to strike",
        "The museum continues to attract visitors.",
        None,
    ),
    # round after held-out set 25 (branch s6-recall2)
    (
        "Allies need to spend more on military mobility.",
        "priority",
        "need to / have to",
        "Allies will have to spend more on military mobility.",
        "commitment",
    ),
    (
        "The cyber campaign is a form of hybrid attack.",
        "concern",
        "an act of aggression",
        "The film is a form of art.",
        None,
    ),
    (
        "The new radar will be operational by 2027.",
        "commitment",
        "will be operational by",
        "The museum will be open from Monday.",
        None,
    ),
    (
        "Production is still far from what is needed.",
        "concern",
        "far below what the plans require",
        "The hotel is not far from the station.",
        None,
    ),
    (
        "Russia is producing three times as many shells as Europe.",
        "concern",
        "firing three times as many",
        "Tourists spent three times as much as last year.",
        None,
    ),
    (
        "Red tape makes it hard for troops to cross borders quickly.",
        "concern",
        "makes it hard for",
        "The new law makes it easier for troops to cross borders.",
        None,
    ),
    (
        "The danger to our cables is real and growing.",
        "concern",
        "the threat is real",
        "The progress is real and growing.",
        None,
    ),
    (
        "Moscow is testing NATO's resolve with every incursion.",
        "concern",
        "Russia is testing",
        "Engineers are testing the new bridge.",
        None,
    ),
    (
        "Russian drones have repeatedly strayed into Moldovan airspace.",
        "concern",
        "have repeatedly targeted",
        "The hikers strayed from the path.",
        None,
    ),
    (
        "Air defence is our number one capability priority.",
        "priority",
        "top / key priority",
        "Priority boarding is available for families.",
        None,
    ),
    (
        "Ministers decided on Tuesday to set a common stockpile target.",
        "commitment",
        "decided to",
        "Ministers will decide in June whether to set a common stockpile target.",
        None,
    ),
    (
        "NATO will create a new centre of excellence.",
        "commitment",
        "launch",
        "NATO will explore the creation of a new centre of excellence.",
        None,
    ),
    (
        "NATO should appoint a commander for the High North.",
        "commitment",
        "must / should",
        "In his view, NATO should appoint a commander for the High North.",
        None,
    ),
    (
        "Allies signed contracts for three years of production.",
        "commitment",
        "selected / ordered",
        "Allies still sign contracts for one year at a time.",
        None,
    ),
    (
        "Germany plans to build a new ammunition factory.",
        "commitment",
        "plan to",
        "Rheinmetall, Germany's largest arms maker, plans to build a new factory.",
        None,
    ),
    # Sets 26-29 (branch s7-prose): each rule added or widened on their misses, with a near miss.
    (
        "Croatia also offered to train Ukrainian deminers at its centre.",
        "commitment",
        "pledged",
        "The conditions offered to military families were discussed at length.",
        None,
    ),
    (
        "Allies remain united in their commitment to defend every inch of Allied territory.",
        "commitment",
        "affirmed commitment to",
        "Allies remain united in the face of pressure.",
        None,
    ),
    (
        "We reaffirm our unwavering support for Ukraine's sovereignty.",
        "commitment",
        "affirmed commitment to",
        "Ministers discussed support for Ukraine's sovereignty.",
        None,
    ),
    (
        "Portugal is also set to lead the air policing mission next year.",
        "commitment",
        "plan to",
        "The debate is also set to be lively.",
        None,
    ),
    (
        "Hungary opened a new military hospital for Allied casualties.",
        "commitment",
        "launch",
        "Hungary presented its new military hospital, which opened last year.",
        None,
    ),
    (
        "Allies set up a new fund for Ukraine's weapons purchases.",
        "commitment",
        "launch",
        "Experience from Ukraine was presented in an open way by Ukrainian officials.",
        None,
    ),
    (
        "NATO launched a new maritime mission in the Baltic Sea.",
        "commitment",
        "launch",
        "Ukraine's air force says Russia launched more than 6,000 drones at Ukrainian cities last month.",
        None,
    ),
    (
        "NATO set up a new cell to protect undersea cables.",
        "commitment",
        "launch",
        "The scheme was set up after Washington signalled it would no longer donate weapons.",
        None,
    ),
    (
        "The CNAD approved the next phase of the Alliance Future Surveillance and Control programme.",
        "commitment",
        "approve",
        "The CNAD discussed the next phase of the programme.",
        None,
    ),
    (
        "We encourage the fullest possible involvement of non-EU Allies in its initiatives.",
        "commitment",
        "call for",
        "Efforts to encourage the involvement of industry were described.",
        None,
    ),
    (
        "The contract, worth up to EUR 1.1 billion, covers the delivery of up to 300,000 rounds.",
        "commitment",
        "the plan foresees",
        "The report covers the delivery of aid in the past year.",
        None,
    ),
    (
        "The participating nations will buy the ammunition together.",
        "commitment",
        "will (do)",
        "By pooling their orders, the participating nations will obtain lower prices.",
        None,
    ),
    (
        "The next exercise is planned for Moldova in 2027.",
        "commitment",
        "future exercise or deployment",
        "The next meeting is planned for Moldova in 2027.",
        None,
    ),
    (
        "Estonia wants NATO to inspect suspicious vessels more systematically.",
        "commitment",
        "asked Allies to",
        "Russia wants NATO to withdraw its forces from the Baltic states.",
        None,
    ),
    (
        "The chiefs recommended extending fuel infrastructure to Poland.",
        "commitment",
        "recommended that Allies",
        "We recommend extending fuel infrastructure to Poland.",
        None,
    ),
    (
        "The EADRCC will train a roster of firefighting experts.",
        "commitment",
        "will (do)",
        "The website will train visitors to spot disinformation.",
        None,
    ),
    (
        "Under the agreement, the first aircraft would be delivered in 2028.",
        "commitment",
        "would be delivered in 2028",
        "The aircraft would be delivered faster if industry had more orders.",
        None,
    ),
    (
        "The deal, signed by defence ministers on Thursday, expands the tanker fleet.",
        "commitment",
        "the deal, signed by",
        "The contract is part of the action plan, endorsed by Allied leaders at the 2023 summit.",
        None,
    ),
    (
        "Maritime security dominated the agenda.",
        "priority",
        "dominated the agenda",
        "Maritime security dominated the headlines.",
        None,
    ),
    (
        "The war in Ukraine was at the centre of the conversations.",
        "priority",
        "at the heart of the discussions",
        "The hotel was at the centre of the city.",
        None,
    ),
    (
        "Transparency in procurement matters just as much as the size of the budget.",
        "priority",
        "matters as much as",
        "Transparency in procurement matters to voters.",
        None,
    ),
    (
        "Our soldiers need to learn to detect drones quickly.",
        "priority",
        "our soldiers need to",
        "Our soldiers need to be ready.",
        None,
    ),
    (
        "Air defence was prioritised by all Allies.",
        "priority",
        "prioritise",
        "The Prioritized Ukraine Requirements List was discussed.",
        None,
    ),
    (
        "Climate change is regarded as a major driver of disasters.",
        "concern",
        "a source of instability",
        "Innovation is regarded as a major enabler of deterrence.",
        "priority",
    ),
    (
        "An ageing population makes the recruitment challenge even harder to overcome.",
        "concern",
        "makes it hard for",
        "Modern simulators make the training easier to organise.",
        None,
    ),
    (
        "Russian influence in the region was also flagged as a growing problem.",
        "concern",
        "pointed to X as an obstacle",
        "The region was flagged as a growing market.",
        None,
    ),
    (
        "Refugee flows are a source of pressure on countries of transit.",
        "concern",
        "a source of instability",
        "The alliance is a source of strength for its members.",
        None,
    ),
    (
        "The shortage of firefighting aircraft remains the most pressing gap.",
        "concern",
        "critical gaps",
        "The most pressing task is to train pilots.",
        "priority",
    ),
    (
        "Too many Allies still buy systems that cannot work together.",
        "concern",
        "too fragmented",
        "Many Allies buy systems together.",
        None,
    ),
    (
        "Russian submarines are operating further than at any time since the Cold War.",
        "concern",
        "levels not seen since",
        "Allied spending is higher than at any time since the Cold War.",
        None,
    ),
    (
        "The war could produce casualties on a scale not seen in Europe since 1945.",
        "concern",
        "levels not seen since",
        "The fair drew visitors on a scale not seen in Europe since 1945.",
        None,
    ),
    (
        "Logistics remain the Achilles heel of Allied defence.",
        "concern",
        "the Achilles heel",
        "Logistics remain the backbone of Allied defence.",
        None,
    ),
    (
        "Our ports are a target for sabotage.",
        "concern",
        "a target for sabotage",
        "Our ports are a target for investment.",
        None,
    ),
    (
        "We are short of frigates and maritime patrol aircraft.",
        "concern",
        "are short of",
        "Three years after Ukraine first ran short of shells, factories are producing more.",
        None,
    ),
    (
        "National fire services are increasingly overstretched.",
        "concern",
        "overstretched",
        "National fire services are increasingly professional.",
        None,
    ),
    (
        "We are living in the most dangerous security environment in decades.",
        "concern",
        "the most dangerous security environment",
        "We are living in a more stable security environment.",
        None,
    ),
    (
        "Russia's war has shattered peace in Europe.",
        "concern",
        "has shattered peace",
        "The summit has restored confidence in Europe.",
        None,
    ),
    (
        "The next crisis in the south will again catch the Alliance unprepared.",
        "concern",
        "will catch the Alliance unprepared",
        "The next exercise will again find the Alliance well prepared.",
        "commitment",
    ),
    (
        "China's support for Russia's war effort is a decisive factor in that war.",
        "concern",
        "the enabler of Russia's war",
        "Air defence is a decisive factor in this war.",
        None,
    ),
    (
        "Its platforms have been repeatedly overflown by unidentified drones.",
        "concern",
        "have repeatedly targeted",
        "Its platforms have been regularly inspected by engineers.",
        None,
    ),
    (
        "Allies had to reinforce the eastern flank quickly.",
        "commitment",
        "must / should",
        "If we ever had to reinforce Europe, every tank would have to cross the ocean.",
        None,
    ),
    (
        "The forum agreed that access to raw materials is essential.",
        "priority",
        "is essential",
        "The forum examined how the Alliance can secure materials that are essential to modern weapons.",
        None,
    ),
    (
        "Ministers say that such spending will come from new borrowing.",
        "commitment",
        "will (do)",
        "Some say that such spending will come at the expense of schools.",
        None,
    ),
    (
        "Allies will spend 2% of GDP on defence.",
        "commitment",
        "will (do)",
        "Ministers will spend the day discussing support for Ukraine.",
        None,
    ),
    (
        "This year, NATO summits have promised more support to Ukraine.",
        "commitment",
        "pledged",
        "For years, NATO summits have promised a 360-degree approach to security.",
        None,
    ),
    (
        "Allied officials said the scheme was lawful and warned of consequences for Russia.",
        "concern",
        "warn",
        "The Kremlin said the scheme showed NATO was a party to the conflict and warned of consequences.",
        None,
    ),
    # sets 30-32 (branch s7-prose2): new cue families, each with its near miss
    (
        "Ministers stressed the value of joint exercises with partners.",
        "priority",
        "importance of / need for",
        "Ministers acknowledged the value of the work done by the centre.",
        None,
    ),
    (
        "Ministers decided to double the number of ships in the Aegean.",
        "commitment",
        "decided to",
        "Officials met at the base to decide on the future of the programme.",
        None,
    ),
    (
        "Ministers decided to double the number of ships in the Aegean.",
        "commitment",
        "decided to",
        "They also decided to study the purchase of a fourth aircraft.",
        None,
    ),
    (
        "The North Atlantic Council approved NATO's civil and military budgets.",
        "commitment",
        "approve / adopt / endorse",
        "The mood was calm when they approved NATO's budget.",
        None,
    ),
    (
        "Poland selected the Patriot system for its air defence.",
        "commitment",
        "selected / ordered",
        "Malta takes part in selected activities of the partnership.",
        None,
    ),
    (
        "NATO opened a new training centre in Poland.",
        "commitment",
        "launch",
        "The Secretary General opened the event by recalling past surprises.",
        None,
    ),
    (
        "Germany and the Netherlands will lead a new brigade in Lithuania.",
        "commitment",
        "will (do)",
        "Germany and the Netherlands will lead a study on extending the network.",
        None,
    ),
    (
        "The new network will run four major wargames a year.",
        "commitment",
        "a force or programme will (do)",
        "The new standards will make it easier for firms to sell abroad.",
        None,
    ),
    (
        "The Civil Protection Committee will draw up guidelines for national stockpiles.",
        "commitment",
        "the Civil Protection Committee will",
        "The Committee will hold a follow-up session in the spring.",
        None,
    ),
    (
        "The Resource Policy and Planning Board recommended that Allies simplify procedures.",
        "commitment",
        "the Civil Protection Committee will",
        "The Board of the company recommended nothing new this year.",
        None,
    ),
    (
        "The strategy was approved by the North Atlantic Council last week.",
        "commitment",
        "was approved by the Council",
        "The strategy was approved by voters in a referendum.",
        None,
    ),
    (
        "Italy, which created its carabinieri unit for heritage over fifty years ago, offered to share its experience.",
        "commitment",
        "Italy, which",
        "Italy, which created its carabinieri unit for heritage over fifty years ago, hosted the workshop.",
        None,
    ),
    (
        "The Maritime Command will deploy two more ships to the Aegean.",
        "commitment",
        "will (do)",
        "The Maritime Command will present a review of the activity to the Council.",
        None,
    ),
    (
        "Ministers welcomed the strategy and said that Allies will adopt common standards next year.",
        "commitment",
        "approve / adopt / endorse",
        "Industry representatives welcomed the strategy and said that Allies will adopt common standards.",
        None,
    ),
    (
        "Sabotage was singled out as a direct threat that special forces must be prepared to counter.",
        "concern",
        "is a threat",
        "Special forces must be prepared to counter sabotage.",
        "commitment",
    ),
    (
        "The committee gave preference to projects on demining.",
        "priority",
        "prioritise",
        "The committee gave a prize to projects on demining.",
        None,
    ),
    (
        "Smuggling also featured prominently in the talks.",
        "priority",
        "high on the agenda",
        "The talks also featured a presentation on smuggling.",
        None,
    ),
    (
        "Demining research was singled out as the most urgent field.",
        "priority",
        "named as critical",
        "Demining research was singled out as the most recent field.",
        None,
    ),
    (
        "Protecting cultural property is a legal obligation for commanders.",
        "priority",
        "a necessity",
        "Protecting cultural property is a legal question for commanders.",
        None,
    ),
    (
        "Trust in public institutions is a key part of resilience.",
        "priority",
        "named as critical",
        "The parade was a key part of the visit.",
        None,
    ),
    (
        "Partner nations voiced frustration at the slow pace of visa procedures.",
        "concern",
        "expressed concern",
        "Partner nations voiced support for the new visa procedures.",
        None,
    ),
    (
        "Russian mercenaries in Libya were highlighted as a particular worry.",
        "concern",
        "key concern",
        "Libya was highlighted as a particular destination.",
        None,
    ),
    (
        "The limited size of the fleet is becoming a serious constraint.",
        "concern",
        "the biggest risk / main threat",
        "The size of the fleet is becoming a serious asset.",
        None,
    ),
    (
        "Attacks on schools were described as some of the most shocking features of the war.",
        "concern",
        "is deeply troubling",
        "The parade was described as one of the most colourful features of the visit.",
        None,
    ),
    (
        "Russia's withdrawal from the treaty was strongly criticised by Allies.",
        "concern",
        "were strongly condemned",
        "The timetable of the treaty talks was criticised by some delegates.",
        None,
    ),
    (
        "The pandemic exposed how dependent Allies are on a few suppliers.",
        "concern",
        "critical gaps",
        "The exercise showed how quickly Allies can move troops.",
        None,
    ),
    (
        "Growing traffic in the Baltic Sea increases the risk of collisions.",
        "concern",
        "increases the risk of",
        "Better training reduces the risk of collisions.",
        None,
    ),
    (
        "Cheap online parts make such weapons cheaper and easier to build.",
        "concern",
        "makes weapons cheaper",
        "Cheap online parts make such barracks cheaper and easier to build.",
        None,
    ),
    (
        "Advances in biotechnology make it easier for small groups to produce dangerous agents.",
        "concern",
        "makes weapons cheaper",
        "Clear standards make it easier for companies to offer their products.",
        None,
    ),
    (
        "Improvised explosive devices have not disappeared from the battlefield.",
        "concern",
        "the threat has not disappeared",
        "Old traditions have not disappeared from the academy.",
        None,
    ),
    (
        "Drone-borne bombs were presented as the new face of the threat.",
        "concern",
        "is a threat",
        "The new centre was presented as the new face of the Alliance.",
        None,
    ),
    (
        "Terrorist groups in the Sahel have adopted these techniques.",
        "concern",
        "terrorists have adopted",
        "Allied armies in the south have adopted these techniques.",
        None,
    ),
    (
        "Officials attributed most of the jamming to military transmitters.",
        "concern",
        "attributed the attacks to",
        "Officials attributed most of the success to good planning.",
        None,
    ),
    (
        "There are no simple technical solutions to jamming.",
        "concern",
        "there is no simple solution",
        "There are simple technical solutions to jamming.",
        None,
    ),
    (
        "Speakers presented evidence of the deliberate destruction of museums.",
        "concern",
        "the deliberate destruction of",
        "Speakers presented plans for the careful restoration of museums.",
        None,
    ),
    (
        "Russian jammers have made some Western weapons far less effective.",
        "concern",
        "made weapons less effective",
        "New training has made Allied units far more effective.",
        None,
    ),
    (
        "Many units still rely on radios that are easy to detect and jam.",
        "concern",
        "radios that are easy to jam",
        "Many units still rely on radios that are easy to use.",
        None,
    ),
    (
        "The arms control architecture is under growing pressure.",
        "concern",
        "under growing pressure",
        "Allies are under growing pressure to spend more.",
        None,
    ),
    (
        "The shortage of technicians also worries the participating nations.",
        "concern",
        "also worries the Allies",
        "The shortage of technicians also affects the participating nations.",
        None,
    ),
    (
        "The deportation of children was singled out as a grave crime.",
        "concern",
        "singled out as a grave crime",
        "The deportation of children was singled out as a grave matter.",
        None,
    ),
    # Sets 33-35 (branch s7-prose3): a problem, shortfall or incapacity named; hostile activity growing;
    # disinformation spread; a claim's content and a condition are no pledge; priority wording.
    (
        "Corrosion of old hangars remains a problem for the air force.",
        "concern",
        "remains a problem",
        "The problem was solved last year.",
        None,
    ),
    (
        "The port lacks the cranes to unload tanks.",
        "concern",
        "lacks the equipment",
        "For lack of time, the visit was shortened.",
        None,
    ),
    (
        "Air defence coverage of the airports was described as insufficient.",
        "concern",
        "described as insufficient",
        "The funding was described as sufficient for the first phase.",
        None,
    ),
    (
        "Many armies are not prepared for a long war of attrition.",
        "concern",
        "not prepared for",
        "The armies are prepared for a long exercise season.",
        None,
    ),
    (
        "Parked aircraft without shelters are easy targets for drones.",
        "concern",
        "easy targets",
        "The new range gives easy access to targets for the gunners.",
        None,
    ),
    (
        "Glide bombs cause heavy casualties among the defenders.",
        "concern",
        "cause casualties",
        "The storm caused no casualties among the troops.",
        None,
    ),
    (
        "Red tape slows down the delivery of spare parts.",
        "concern",
        "slows down the delivery",
        "The convoy slows down near the border crossing.",
        None,
    ),
    (
        "Officials pointed to illegal logging in the border area.",
        "concern",
        "pointed to illegal fishing",
        "Officials pointed to the map of the border area.",
        None,
    ),
    (
        "Public trust in the armed forces has declined in several countries.",
        "concern",
        "trust is declining",
        "Public trust in the armed forces has not declined, the survey shows.",
        None,
    ),
    (
        "Russian submarine activity in the North Atlantic has increased sharply.",
        "concern",
        "hostile activity has increased",
        "Tourist activity in the North Atlantic has increased sharply.",
        None,
    ),
    (
        "Pro-Kremlin channels spread false claims about the exercise.",
        "concern",
        "spread false claims",
        "The brochures spread the word about the exercise.",
        None,
    ),
    (
        "Many units still train for peacekeeping rather than high-intensity war, the general admitted.",
        "concern",
        "the commanders admitted",
        "Many units took part in the peacekeeping exercise, the general said.",
        None,
    ),
    (
        "Some of the new shells cannot be fired from older howitzers.",
        "concern",
        "cannot be fired from every gun",
        "The new shells can be fired from older howitzers too.",
        None,
    ),
    (
        "Allies are preparing to deploy more frigates to the Baltic.",
        "commitment",
        "plan to / intend to",
        "State media pushed claims that Allies are preparing to deploy frigates.",
        "concern",
    ),
    (
        "Allies committed to buying more tanker aircraft.",
        "commitment",
        "committed to",
        "Industry would build more tankers if governments committed to buying them.",
        None,
    ),
    (
        "Red tape is the biggest single obstacle to faster production.",
        "concern",
        "the biggest risk",
        "Red tape was cut in a single step to speed up production.",
        None,
    ),
    (
        "The war has shown how costly the lack of common standards is.",
        "concern",
        "critical gaps",
        "The war has shown how soldiers adapt to new standards.",
        None,
    ),
    (
        "Disinformation was singled out by the minister as a growing threat.",
        "concern",
        "names it a threat",
        "Disinformation was singled out by the minister as a topic for the next meeting.",
        None,
    ),
    (
        "China's shipbuilding capacity is now five times that of all Allies combined.",
        "concern",
        "firing three times",
        "Poland's shipbuilding capacity is now five times that of 2022.",
        None,
    ),
    (
        "Allies agreed that the Atlantic routes are of direct importance to Europe's defence.",
        "priority",
        "of great importance",
        "The Atlantic routes are direct and of little importance to trade.",
        None,
    ),
    (
        "Protecting the cables is a task of the highest importance.",
        "priority",
        "of great importance",
        "Protecting the cables is a task of the coast guard.",
        None,
    ),
    (
        "Southern Allies insisted that the south must not be forgotten.",
        "priority",
        "stressed that X must be done",
        "Southern Allies insisted that the south was not forgotten.",
        None,
    ),
    (
        "Stockpiling was regarded by most delegations as an urgent necessity.",
        "priority",
        "a necessity",
        "Stockpiling was regarded by most delegations as a costly habit.",
        None,
    ),
    (
        "Training was seen as the most effective first step.",
        "priority",
        "named as critical",
        "Training was seen as the most expensive first step.",
        None,
    ),
    (
        "The school will introduce a new course on drones in the spring.",
        "commitment",
        "a force or programme will",
        "The school will end its course on drones next Friday.",
        None,
    ),
    (
        "The strategy will be updated with new targets next year.",
        "commitment",
        "a force or programme will",
        "The strategy will be reviewed again in three years.",
        None,
    ),
    (
        "Eastern Allies want the declaration to name Russia as the main threat.",
        "commitment",
        "want the document to state",
        "Readers want the text to explain more.",
        None,
    ),
    (
        "Air defence was identified as an area where many Allies are lagging behind.",
        "concern",
        "has not kept pace",
        "Air defence was identified as an area where closer cooperation is needed.",
        "priority",
    ),
    (
        "Officials said the shortage of explosives threatens production.",
        "concern",
        "threatens / undermines",
        "Industry representatives said the shortage of explosives threatens production.",
        None,
    ),
    # Held-out sets 36-38 (the seeds' own register)
    (
        "Cyber resilience was agreed to be crucial for all Allies.",
        "priority",
        "is essential / crucial / important",
        "Norway agreed to be the host nation for the exercise.",
        "commitment",
    ),
    (
        "The minister said that the open door policy remains a key pillar of the partnership.",
        "priority",
        "main topics / key issue",
        "The Alliance opened a new liaison office in Amman.",
        "commitment",
    ),
    (
        "Allies are ready to defend every inch of territory.",
        "commitment",
        "remain committed / resolute",
        "The exercise sends a clear message that Allies are ready to defend every inch of territory.",
        None,
    ),
    (
        "China's shipbuilding capacity was described as a challenge that Allies will have to match.",
        "concern",
        "is a threat",
        "Allies will have to match China's shipbuilding capacity.",
        "commitment",
    ),
    (
        "The situation in Haiti was described as one of the worst crises in the hemisphere.",
        "concern",
        "described as a crisis",
        "The forum was highlighted as one of the most useful events of the year.",
        None,
    ),
    (
        "New scholarships will be offered to students from the region.",
        "commitment",
        "will be expanded",
        "Scholarships were offered to students last year.",
        None,
    ),
    (
        "The next exercise will be hosted by Norway.",
        "commitment",
        "will be expanded",
        "The next summit will be hosted by Norway.",
        None,
    ),
    (
        "The Defence Innovation Accelerator will fund ten start-ups working on drones.",
        "commitment",
        "will (do)",
        "The accelerator's first call was a success.",
        None,
    ),
    (
        "The premier stressed that any settlement in the region must involve its people.",
        "priority",
        "stressed that X must be done",
        "The premier stressed that any settlement in the region was a long way off.",
        None,
    ),
    (
        "Unexploded bombs continue to kill farmers in the region.",
        "concern",
        "continue to kill and injure",
        "Farmers continue to work the fields near the border.",
        None,
    ),
    # Sets 39-41 (s7-prose5): the seeds' closing "demonstrated their shared interest", the opening
    # "brought together ... to discuss" (the meeting's purpose) and an obstacle to a creation.
    (
        "The partners agreed to open a joint centre for a stable Pacific.",
        "commitment",
        "agreed to",
        "Through this meeting, the partners demonstrated their shared interest in a stable and open Pacific.",
        None,
    ),
    (
        "Air chiefs warned of a growing shortage of military pilots.",
        "concern",
        "warn",
        "The meeting of NATO air chiefs recently brought together the heads of Allied air forces to discuss a growing"
        " shortage of military pilots.",
        None,
    ),
    (
        "The meeting brought together air chiefs to discuss a shortage of pilots, and they agreed to open their flight"
        " schools to other Allies.",
        "commitment",
        "agreed to",
        "The meeting brought together air chiefs to discuss a shortage of pilots and the opening of flight schools.",
        None,
    ),
    (
        "Slovenia will speed up the creation of a new medium battalion.",
        "commitment",
        "launch",
        "The minister expressed concern that the shortage of recruits is slowing down the creation of a new battalion.",
        "concern",
    ),
    # Sets 42-43 (session 8): grammar over phrases -- an adversary as the subject of a step-up verb, a
    # warning's forecast, an actor's need with a noun, an offer of things, a conditional effect.
    (
        "Officials noted that China's intelligence services have stepped up their attempts to obtain technology.",
        "concern",
        "an adversary steps up its activity",
        "In response to Russian aggression Allies have stepped up their patrols in the Baltic Sea.",
        "commitment",
    ),
    (
        "The leaders discussed the Arctic, where Russia's Northern Fleet has increased its activity this year.",
        "concern",
        "an adversary steps up its activity",
        "Norway has increased its activity in the Arctic this year.",
        "commitment",
    ),
    (
        "Participants warned that a large-scale conflict would produce psychological casualties on a huge scale.",
        "concern",
        "warn",
        "Fico said the government would raise spending, but warned that this could not come at the cost of pensions.",
        "commitment",
    ),
    (
        "The EU called the push of migrants towards its borders a hybrid attack.",
        "concern",
        "called it dangerous",
        "The crisis comes four years after Belarus pushed migrants to a border in what the EU called a hybrid attack.",
        None,
    ),
    (
        "The Council said it would send a counter-drone team to Lithuania.",
        "commitment",
        "will (do)",
        'The Council said it would "continue to monitor the situation closely".',
        None,
    ),
    (
        "The Allies reaffirmed their determination to protect their societies from hostile interference.",
        "commitment",
        "affirmed commitment to",
        "Through this meeting, the Allies demonstrated their determination to protect their societies.",
        None,
    ),
    (
        "Poland and Latvia have also offered radars and surveillance aircraft.",
        "commitment",
        "pledged",
        "The minister offered his condolences to the families of the victims.",
        None,
    ),
    (
        "Lithuania is expected to send more troops to the border next month.",
        "commitment",
        "plan to / intend to",
        "Lithuania's president is expected to raise the issue at the NATO foreign ministers' meeting next week.",
        None,
    ),
    (
        "Planners say NATO would send trains to Estonia within days.",
        "commitment",
        "will (do)",
        "Planners say the new gauge would allow NATO trains to travel to Estonia without changing wheels.",
        None,
    ),
    (
        "Delegates agreed that mental health support must become a standard part of training.",
        "priority",
        "stressed that X must be done",
        "Delegates agreed that the course has become a standard part of training.",
        None,
    ),
    (
        "The minister said military mobility was the most important part of the project.",
        "priority",
        "is essential",
        "The minister said the visit was the first part of a tour of the region.",
        None,
    ),
    (
        '"The Alliance needs every shell it can produce," Rutte said.',
        "priority",
        "need to / have to",
        '"The Alliance needs a lot of time to adapt," Rutte said.',
        None,
    ),
    (
        '"Every year of delay is a year in which we cannot move forces quickly enough," the minister said.',
        "concern",
        "we cannot move forces quickly enough",
        "The opposition argued that the armed forces cannot spend the money fast enough.",
        None,
    ),
    (
        'The minister said that Minsk was using the balloons as "a hybrid weapon" to test the Alliance.',
        "concern",
        "used as a hybrid weapon",
        "The new rifle was presented as a modern weapon for the infantry.",
        None,
    ),
    (
        "Russia's repeated use of Kinzhal missiles against Ukraine showed that no Ally is out of range.",
        "concern",
        "an adversary's repeated use of missiles",
        "Italy's use of drones for border patrols was presented at the conference.",
        None,
    ),
    (
        "Iranian-backed groups have stepped up their attacks on shipping.",
        "concern",
        "an adversary steps up its activity",
        "Allies have stepped up their patrols near Iranian waters.",
        "commitment",
    ),
    (
        "The navy has recruited fewer sailors than it needs.",
        "concern",
        "fewer volunteers than hoped",
        "The navy has recruited more sailors than it needs.",
        None,
    ),
    # Set 44 (session 8): a pledge verb with that, a gap between plans and forces, an adversary than at
    # any time since, testing us, pointing to slow progress, working together to develop (past an
    # appositive of history), fewer than planned.
    (
        "He also promised that the brigade would be given priority when new equipment arrives.",
        "commitment",
        "pledged",
        "The minister recalled a promise that had been made to the families.",
        None,
    ),
    (
        "The gap between our plans and our forces is widest in long-range strike.",
        "concern",
        "the gaps are largest",
        "The gap between the two meetings was three weeks.",
        None,
    ),
    (
        "Commanders said Russian submarines were more capable and more active than at any time since the Cold War.",
        "concern",
        "levels not seen since",
        "Allied defence spending is higher than at any time since the Cold War.",
        None,
    ),
    (
        '"They are testing us every day," the admiral said.',
        "concern",
        "Russia is testing",
        '"They are training with us every day," the admiral said.',
        None,
    ),
    (
        "Officers questioned the timetable, pointing to the slow progress of earlier programmes.",
        "concern",
        "pointed to illegal fishing",
        "Officers pointed to the map of the region.",
        None,
    ),
    (
        "France and Poland are working together under a joint programme to develop a cruise missile.",
        "commitment",
        "aim to",
        "France and Poland are working together on the history of the programme.",
        None,
    ),
    (
        "France and Italy are working together under the approach, launched in 2024, to develop a missile.",
        "commitment",
        "aim to",
        "France and Italy launched the approach in 2024 to develop a missile.",
        None,
    ),
    (
        "The new law has attracted fewer volunteers than the government had expected.",
        "concern",
        "fewer volunteers than hoped",
        "The new law has attracted more volunteers than the government had expected.",
        None,
    ),
    # sets 45-46 (branch s9-prose): news copy without cue words, acronym actors, attribution frames
    (
        "MCM Black Sea will also receive two additional minehunters next year.",
        "commitment",
        "COMEDS will draft",
        "AI will transform how armies fight.",
        None,
    ),
    (
        "In January, SNMCMG2 will begin clearing mines off the coast.",
        "commitment",
        "COMEDS will draft",
        "The FSB will step up its recruitment of saboteurs.",
        None,
    ),
    (
        "The Bundestag voted to extend the mandate of German troops in Lithuania.",
        "commitment",
        "voted to raise",
        "Lawmakers voted to end the session early.",
        None,
    ),
    (
        "So today I have ordered the air defence units to a higher state of readiness.",
        "commitment",
        "ordered to a higher state of readiness",
        "Russia put its nuclear forces on high alert.",
        None,
    ),
    (
        "Stability in the Western Balkans was described as a strategic interest for the Alliance.",
        "priority",
        "described as a strategic interest",
        "The two countries share strategic interests in the region.",
        None,
    ),
    (
        "Since January, Russian drones have crossed into Allied airspace more than forty times.",
        "concern",
        "an adversary's drones crossed into",
        "The mission was launched after Russian drones entered Romanian airspace.",
        None,
    ),
    (
        "Russian strikes on Ukraine's energy grid continued through the winter.",
        "concern",
        "an adversary's attacks continue",
        "Russia's talks with China continue.",
        None,
    ),
    (
        "Moscow has threatened to strike Western arms depots.",
        "concern",
        "an adversary moved nuclear weapons",
        "Russia has moved its embassy to a new building.",
        None,
    ),
    (
        '"This is a hybrid operation run by the Russian state," she said.',
        "concern",
        "a hybrid operation",
        "The training is a hybrid course with online modules.",
        None,
    ),
    (
        "Damage to even one of the cables could cut the islands off for weeks.",
        "concern",
        "could cut the islands off",
        "The new system could cut delivery times by half.",
        None,
    ),
    (
        "Ports and power grids depend on a handful of companies.",
        "concern",
        "depend on a handful of companies",
        "The plan depends on the approval of parliament.",
        None,
    ),
    (
        "Most European cities have no shelters for their residents.",
        "concern",
        "have no shelters",
        "We have no evidence of new mines.",
        None,
    ),
    (
        "Hospitals in several countries hold medicine for only a few days.",
        "concern",
        "have no shelters",
        "The hospital held a ceremony for a few guests.",
        None,
    ),
    (
        "Seven in ten said they could not hire enough welders.",
        "concern",
        "could not hire enough",
        "We cannot thank our hosts enough.",
        None,
    ),
    (
        "The armed forces still have about 9,000 vacancies.",
        "concern",
        "vacancies, waiting lists",
        "The ministry published a list of new posts in the army.",
        None,
    ),
    (
        "The aircraft are concentrated at a few bases within range of Russian missiles.",
        "concern",
        "within range of Russian missiles",
        "Allied jets stayed within range of the radar station.",
        None,
    ),
    (
        "Allies host the bombs, and the aircraft that would carry them are within range of Russian missiles.",
        "concern",
        "within range of Russian missiles",
        "Allies said the aircraft would carry the new missiles.",
        "commitment",
    ),
    (
        "The ministers discussed the frigates that Norway selected in August and agreed to train crews together.",
        "commitment",
        "agreed to",
        "The ministers discussed the programme of frigates that Norway selected in August.",
        None,
    ),
    (
        "Both sides agreed to stay in Iraq until 2026.",
        "commitment",
        "agreed to",
        "They agreed to speak again before the next meeting of defence ministers.",
        None,
    ),
    (
        "Sweden sent a frigate to the Baltic Sea.",
        "commitment",
        "step up / deploy",
        'When Sweden sent a booklet called "If Crisis or War Comes" to every household, some laughed.',
        None,
    ),
    (
        "Canada raised its contribution to the brigade.",
        "commitment",
        "step up / deploy",
        "They discussed the shortage of housing, which Canadian families have raised repeatedly.",
        None,
    ),
    (
        "Stocks of interceptors are lower than I would like.",
        "concern",
        "fewer volunteers than hoped",
        "Stocks of interceptors are higher than I would like.",
        None,
    ),
    (
        "The problem is worst in ammunition and shipbuilding.",
        "concern",
        "the gaps are largest",
        "The weather is worst in the north.",
        None,
    ),
    (
        "Russian submarine activity in the High North had reached its highest level since the Cold War.",
        "concern",
        "levels not seen since",
        "Defence spending reached its highest level since the Cold War.",
        None,
    ),
    (
        "The shortage of skilled workers is now the main brake on rearmament.",
        "concern",
        "the biggest risk / main threat",
        "The new plant is now the main supplier of shells.",
        None,
    ),
    (
        "The Defence Secretary said the two navies would operate the frigates as one fleet.",
        "commitment",
        "will (do)",
        "The Defence Secretary said the talks had been useful.",
        None,
    ),
    (
        "In 2027, Allies will hold a large exercise in Norway.",
        "commitment",
        "will (do)",
        "In 2021, the Allies deployed extra jets to Romania.",
        None,
    ),
    (
        "The new equipment must be delivered quickly.",
        "priority",
        "must be done",
        "The agreement must still be ratified by the Senate.",
        None,
    ),
    (
        "They also agreed to build more air defence.",
        "commitment",
        "agreed to",
        "They also recommend that Allies buy more air defence.",
        None,
    ),
    (
        "Volunteers from the Home Guard will also take part in the exercise Cold Response.",
        "commitment",
        "will take part in the exercise",
        "The minister will take part in the meeting in Brussels.",
        None,
    ),
    (
        "A single cyber attack could halt production at the plant.",
        "concern",
        "could cut",
        "The new law could stop the sale of the company.",
        None,
    ),
    (
        "Belarus has modernised its air defence forces with Russian help.",
        "concern",
        "an adversary is rebuilding",
        "Belarus has modernised its railway stations with EU money.",
        None,
    ),
    (
        "We do not yet have enough interceptors.",
        "concern",
        "we do not yet have all the forces",
        "We do not yet have a date for the meeting.",
        None,
    ),
    (
        "The country has only three working submarines.",
        "concern",
        "have only two launch sites",
        "The Alliance has only one purpose: to keep its members safe.",
        None,
    ),
    (
        "The budget is not enough to replace the old tanks.",
        "concern",
        "is not enough to",
        "That is not enough, the minister said.",
        None,
    ),
    (
        "Long borders like ours cannot be patrolled at all times.",
        "concern",
        "cannot be guarded",
        "We cannot defend a billion people with yesterday's tools, he said.",
        None,
    ),
    (
        "The bombing was ordered by the Russian military intelligence service.",
        "concern",
        "carried out on behalf of",
        "The exercise was conducted by Polish and Lithuanian troops.",
        None,
    ),
    (
        "The incident is part of a wider campaign of intimidation against the Baltic states.",
        "concern",
        "a pattern of sabotage",
        "The fire was part of a wave of arson attacks on warehouses.",
        None,
    ),
    (
        "Iran was named as the chief source of the drones used against Ukraine.",
        "concern",
        "named as the main sources",
        "Iran was named as the chief guest of the ceremony.",
        None,
    ),
    (
        "Farmers near the border have had to abandon their fields for years.",
        "concern",
        "have had to travel abroad for years",
        "Farmers near the border have had to abandon their fields.",
        None,
    ),
    (
        "We plan to close the base next year.",
        "commitment",
        "plan to",
        "We do not have any plans to close the base.",
        None,
    ),
    # Session 10 (sets 51-52, and the untuned guards 47 and 50): general phrasings, each with a near miss
    (
        "The minister reaffirmed Norway’s commitment to station two frigates in the Baltic Sea.",
        "commitment",
        "affirmed commitment to",
        "The minister recalled Norway’s commitment to the Baltic Sea in the 1990s.",
        None,
    ),
    (
        'Leaders reaffirmed their "unwavering commitment" to Article 5.',
        "commitment",
        "affirmed commitment to",
        'Critics mocked their "unwavering commitment" to Article 5.',
        None,
    ),
    (
        "It was agreed that the Multinational Brigade will double the number of live-fire exercises next year.",
        "commitment",
        "it was agreed that X will",
        "It was agreed that the next meeting of the brigade commanders will be held in Riga.",
        None,
    ),
    (
        "It is planned to deliver two more radars to the partner next year.",
        "commitment",
        "it is planned to",
        "It is planned to discuss the radars at the next meeting.",
        None,
    ),
    (
        "Allies agreed that 1.5% of GDP should go to resilience and infrastructure.",
        "commitment",
        "money will go to",
        "Analysts argue that 1.5% of GDP should go to resilience and infrastructure.",
        None,
    ),
    (
        "The government decided in the spring to buy two more frigates.",
        "commitment",
        "decided to",
        "The government decided last year to buy two more frigates.",
        None,
    ),
    (
        "The ministry promised on Monday to pay for the damaged roads.",
        "commitment",
        "pledged",
        "The ministry spoke on Monday about the promised repairs of the damaged roads.",
        None,
    ),
    (
        "The Nordic countries agreed on Thursday to plan their air forces as one.",
        "commitment",
        "agreed to / agreed on",
        "The Nordic countries agreed in 2023 to plan their air forces as one.",
        None,
    ),
    (
        "Germany delivered two more IRIS-T systems to Ukraine this week.",
        "commitment",
        "step up / deploy",
        "Germany's first IRIS-T system was delivered to Ukraine in 2022.",
        None,
    ),
    (
        "Ministers are worried about Russian drones over the border.",
        "concern",
        "expressed concern",
        "Local farmers are worried about the noise of the exercise.",
        None,
    ),
    (
        "The squadron will return to Šiauliai with four jets in the spring.",
        "commitment",
        "a force or programme will",
        "The Committee will return to the subject in its next report.",
        None,
    ),
    (
        "Shortages of explosives were named as the main bottlenecks.",
        "concern",
        "the biggest risk / main threat",
        "Explosives were named as the main focus of the talks.",
        "priority",
    ),
    (
        "Russian submarines are now more active in the North Atlantic than ever.",
        "concern",
        "an adversary's submarines are more active",
        "Allied submarines are now more active in the North Atlantic than ever.",
        None,
    ),
    (
        "Iranian-designed drones have been used in attacks on shipping.",
        "concern",
        "an adversary's drones have been used in attacks",
        "Allied drones have been used in exercises over the Baltic Sea.",
        None,
    ),
    (
        "Russia's newest missiles can now reach every European capital.",
        "concern",
        "an adversary's missiles can reach",
        "The new Allied radars can now reach far beyond the border.",
        None,
    ),
    # added after scoring tests/prose_heldout54 (branch s10-prose2; set 55 is kept back, never tuned on)
    (
        "Border security was high on the list of issues raised by the Romanian delegation.",
        "priority",
        "high on the agenda",
        "Her name was high on the list of candidates for the post.",
        None,
    ),
    (
        "Air defence was first on the agenda of the ministers' meeting.",
        "priority",
        "first on the agenda",
        "Air defence was first discussed at the meeting in Vilnius.",
        None,
    ),
    (
        "Norway commits €250 million to the ammunition initiative.",
        "commitment",
        "commits EUR 600 million",
        "The attack was committed 20 years ago by a lone gunman.",
        None,
    ),
    (
        "Ministers noted with concern that delivery times for spare parts have doubled.",
        "concern",
        "expressed concern",
        "Ministers noted with concern that stocks had fallen, and agreed to buy more shells.",
        "commitment",
    ),
    (
        "Allies will open a new training centre in Riga next year.",
        "commitment",
        "launch",
        "The frigates will be open to the public on Sunday afternoon.",
        None,
    ),
    (
        "The frigates are expected to leave for the Baltic next month to join the patrol.",
        "commitment",
        "a force or programme will",
        "The ships are expected to leave Gdynia on Monday.",
        None,
    ),
    (
        'Disinformation is, in the ministers\' words, "the most persistent hybrid threat" to elections.',
        "concern",
        "the biggest risk / main threat",
        'Disinformation is, in the ministers\' words, "the most persistent hybrid tactic" of the decade.',
        None,
    ),
    # round on set 56 (s10-prose3): a comparative "more important (than ever)" is still "important";
    # an official coming back is a future visit, a unit coming back a deployment
    (
        "Allies agreed that air defence is even more important than before.",
        "priority",
        "is essential / crucial / important",
        "Speed is no more important than accuracy, the general said.",
        None,
    ),
    (
        "The battalion is expected to return to Estonia next year for another rotation.",
        "commitment",
        "a force or programme will (do)",
        "The defence minister is expected to return to Estonia next year.",
        None,
    ),
    # round on set 58 (s12-prose): the object of a worry, a rotating chair, a launch dated with its year,
    # a reaction foretold, criticism reported in the passive
    (
        "The ministers voiced alarm over drone flights near the bases, which officials say have increased sharply.",
        "concern",
        "expressed concern",
        "Worried about the drones, the ministers increased air patrols over the border.",
        "commitment",
    ),
    (
        "Sweden will take over command of the air policing mission next year.",
        "commitment",
        "will (do)",
        "Latvia will take over the rotating presidency of the Council next year.",
        None,
    ),
    (
        "NATO launched a new air policing mission over Iceland on Monday.",
        "commitment",
        "launch",
        "NATO launched its air policing mission over Iceland in April 2024.",
        None,
    ),
    (
        "Officials said that the battalion will move to Lithuania next year.",
        "commitment",
        "will (do)",
        "Officials said the cuts are now the ministry's top focus, which will surprise few observers.",
        "priority",
    ),
    (
        "Allies agreed that the alliance's air defence is still too thin.",
        "concern",
        "too fragmented",
        "Canada has long been criticised for spending too little on its navy.",
        None,
    ),
    # round on set 60 (s12-prose2), and the errors of kept-back set 59 (pairs written here, not its text)
    (
        "It will be formally endorsed by leaders at the summit in July.",
        "commitment",
        "will be expanded",
        "It will be formally debated by leaders at the summit in July.",
        None,
    ),
    (
        "The air policing detachment, which was established in 2022, will be doubled next year.",
        "commitment",
        "will be expanded",
        "The air policing detachment, which was established in 2022, was doubled last year.",
        None,
    ),
    (
        "Partners pledged at the conference to train 5,000 Ukrainian pilots.",
        "commitment",
        "pledged",
        "Partners spoke at the conference to thank the Ukrainian pilots.",
        None,
    ),
    (
        "The danger is not going away.",
        "concern",
        "the threat has not disappeared",
        "The storm is not going away.",
        None,
    ),
    (
        "Russia is expanding its army, and that is the danger we have to prepare for.",
        "concern",
        "is a threat",
        "We must prepare for the danger of a longer war.",
        "priority",
    ),
    (
        "Drones have been spotted over the port again, which worries us.",
        "concern",
        "also worries the Allies",
        "The drills were cancelled, which pleased us.",
        None,
    ),
    (
        "Allies warned that Russian drones deliberately enter NATO airspace.",
        "concern",
        "warn",
        "Moscow has repeatedly denied that its drones deliberately enter NATO airspace.",
        None,
    ),
    (
        "A British embassy spokesman said the patrols were legal and warned Allies of a threat to peace.",
        "concern",
        "threat from",
        "A Russian embassy spokesman said the patrols were legal and warned Allies of a threat to peace.",
        None,
    ),
    (
        "Space is a crucial enabler for NATO's deterrence.",
        "priority",
        "a key enabler",
        "Belarus remains a key enabler of Russia's war.",
        "concern",
    ),
    (
        "Ministers approved the Northern Lantern Network on Thursday.",
        "commitment",
        "approved the Eastern Flank Watch",
        "Visitors approved the Northern Lantern exhibition in large numbers.",
        None,
    ),
    (
        "Denmark will continue its training mission in Iraq next year.",
        "commitment",
        "will (do)",
        "The Secretary General will continue his visit in Riga on Friday.",
        None,
    ),
    (
        "Norway will make its frigates available to the standing naval group.",
        "commitment",
        "will (do)",
        "The minister said Norway would make its decision public next month.",
        None,
    ),
    (
        "Allies agreed to deliver more than half of the shells by June.",
        "commitment",
        "agreed to",
        "Allies have so far delivered less than half of the shells they pledged.",
        None,
    ),
    (
        "The minister explained how the Government intends to finance the new brigade.",
        "commitment",
        "plan to",
        "Reporters asked how the Government intends to finance the new brigade.",
        None,
    ),
    (
        "When ministers met in Brussels on Thursday, they agreed to buy more air defence.",
        "commitment",
        "agreed to",
        "When ministers met in Brussels in March 2024, they agreed to buy more air defence.",
        None,
    ),
    # round on set 62 (s12-prose3): a decision or commitment named first, taken or made after it
    (
        "The decision to send two more frigates to the Black Sea was taken at the meeting.",
        "commitment",
        "the decision to double X was taken",
        "The decision to send two more frigates was questioned by several experts.",
        None,
    ),
    (
        "A commitment to train more cyber reservists was also made.",
        "commitment",
        "the decision to double X was taken",
        "A commitment to train more cyber reservists was also criticised.",
        None,
    ),
    (
        "A decision to buy more minehunters was made at the meeting.",
        "commitment",
        "the decision to double X was taken",
        "He noted that the decision to leave the convention had been taken in close consultation with Poland.",
        None,
    ),
    # an Ally's stated intention is a plan; a company's is not
    (
        "Spain and Portugal signalled their intention to buy a joint tanker fleet.",
        "commitment",
        "signalled their intention to",
        "The company signalled its intention to build a new factory.",
        None,
    ),
    # approved by the summit (the gathering that decides), not by its organisers
    (
        "A new capability target for air defence was approved by the summit.",
        "commitment",
        "was approved by the Council",
        "The seating plan was approved by the summit organisers.",
        None,
    ),
    # a proposal endorsed is a decision; a proposal discussed is not
    (
        "The ministers endorsed a proposal to hold a winter exercise in Finland next year.",
        "commitment",
        "approve / adopt / endorse",
        "The ministers discussed a proposal to hold a winter exercise in Finland next year.",
        None,
    ),
    # "named as a major (environmental) hazard" is a threat named, not a key element
    (
        "The shadow fleet was named as a major environmental and security hazard.",
        "concern",
        "names it a threat",
        "Port security was named as a major environmental focus.",
        "priority",
    ),
    (
        "Cyber attacks were identified as a key security threat to Allied bases.",
        "concern",
        "is a threat",
        "Cyber defence was identified as a key area for risk reduction.",
        "priority",
    ),
    # "a decisive enabler of the war" names a threat; an enabler of a deployment is a key element
    (
        "Iran's supply of drones was described as a decisive enabler of the war.",
        "concern",
        "the enabler of Russia's war",
        "Air-to-air refuelling was described as a decisive enabler of rapid deployment.",
        "priority",
    ),
    # set 65 (s13-prose65tune)
    # an approximate amount pledged ("pledged approx. 1,900 interceptors") is a pledge of an amount
    (
        "Denmark and Sweden pledged about 400 additional troops for the mission.",
        "commitment",
        "pledged",
        "Denmark and Sweden have about 400 additional troops in the mission.",
        None,
    ),
    # more named forces will do something (commandos, paratroopers), also after a dotted modifier ("U.S. Marines")
    (
        "Canadian paratroopers will jump over Latvia during the drill.",
        "commitment",
        "a force or programme will",
        "Canadian tourists will jump at the chance to visit Latvia.",
        None,
    ),
    (
        "U.S. Marines will fly in from Norway for the exercise.",
        "commitment",
        "a force or programme will",
        "U.S. tourists will fly in from Norway for the festival.",
        None,
    ),
    # "the first since Allies adopted ...": a time reference to an earlier decision, like "when they adopted"
    (
        "Allies adopted new capability targets at the meeting.",
        "commitment",
        "approve / adopt / endorse",
        "The talks were the first since Allies adopted new capability targets last June.",
        None,
    ),
    # a conference that opened is a meeting report; an office NATO opened is a launch
    (
        "NATO opened a new liaison office in Amman on Tuesday.",
        "commitment",
        "launch",
        "NATO's annual cyber conference opened in Tallinn on Tuesday.",
        None,
    ),
    # a part of an adversary's campaign is no key element: the threat it is named as decides
    (
        "Cyber espionage, which Allies regard as a key part of Russia's hybrid campaign, was named a growing threat.",
        "concern",
        "is a threat",
        "Cyber defence, which Allies regard as a key part of their deterrence, was described as a growing focus.",
        "priority",
    ),
    # a yes-or-no question reported is no plan
    (
        "The minister said Spain intends to buy more frigates.",
        "commitment",
        "plan to",
        "Reporters asked the minister whether Spain intends to buy more frigates.",
        None,
    ),
    # a decision said not yet to be announced is none
    (
        "Officials said the Spanish contribution has been announced.",
        "commitment",
        "announced",
        "Officials said the Spanish contribution has not yet been announced.",
        None,
    ),
    # a sentence sourced to figures is a statistic; one sourced to officials is news
    (
        "According to officials, Allies increased air patrols over the Baltic Sea.",
        "commitment",
        "step up / deploy",
        "According to NATO figures, Allies increased air patrols over the Baltic Sea by 40% in 2024.",
        None,
    ),
    # what a treaty requires is an obligation, not a priority
    (
        "Air defence is essential to protect the troops.",
        "priority",
        "is essential",
        "Prior notification of the drill is required under the Vienna Document.",
        None,
    ),
    # a view reported in a fronted concession is set aside, not a call
    (
        "Ministers argued that the Alliance should expand its patrols, although some disagreed.",
        "commitment",
        "must / should",
        "Although some ministers argued that the Alliance should avoid new steps, the meeting ended calmly.",
        None,
    ),
    # Added after scoring tests/prose_heldout67 (press release, wire, local paper, think tank, communique,
    # feature, live blog, op-ed). When a warning was given may stand before its "that"; a future meeting
    # still wins over it
    (
        "Defence chiefs warned in April that Russian sabotage could spread to ports.",
        "concern",
        "warn",
        "Officials warned on Monday that the talks will be held in Oslo.",
        None,
    ),
    # forces or hardware due to arrive are a deployment; an official due to arrive is a visit
    (
        "The first air defence systems are due to arrive in Poland next month.",
        "commitment",
        "a force or programme will",
        "The Secretary General is due to arrive in Warsaw next month.",
        None,
    ),
    # a promised meeting is a future meeting, a promised patrol a pledge
    (
        "The base commander promised new patrols along the border.",
        "commitment",
        "pledged",
        "The base commander promised a meeting with residents next month.",
        None,
    ),
    # what worries the speaker most is a concern; what pleases them most is not
    (
        '"Attacks on undersea cables worry me most," she says.',
        "concern",
        "also worries the Allies",
        '"Quiet evenings at home please me most," she says.',
        None,
    ),
    # Added after scoring tests/prose_heldout69 (seed-style news, spokesperson Q&A, ministry press release,
    # regional TV, partner readout, translated press, newsletter digest). A meeting named after "at the" is
    # when the news came, not the subject of an effect foretold
    (
        "At the meeting the Minister announced that Denmark will contribute a frigate to the mission.",
        "commitment",
        "will (do)",
        "The decisions taken at the meeting will provide strategic guidance to the Alliance.",
        None,
    ),
    # what a visit underlines is commentary; what a minister underlines is the minister's priority
    (
        "The minister underlines the growing importance of the Black Sea.",
        "priority",
        "importance of / need for",
        "The visit underlines the growing importance of the Black Sea for the Alliance.",
        None,
    ),
    # an office opened is a launch; talks that had been open were only candid
    (
        "NATO opened a new liaison office in Amman.",
        "commitment",
        "launch",
        "The Norwegian foreign minister said the talks had been open and constructive.",
        None,
    ),
    # joining an exercise is a commitment, joining a meeting a schedule
    (
        "Sweden will join the exercise in the Baltic Sea next month.",
        "commitment",
        "will (do)",
        "Ukraine's Defence Minister will join a meeting of the NATO-Ukraine Council on Friday.",
        None,
    ),
    # agreeing to hold exercises is a commitment, to hold consultations a future meeting
    (
        "The two sides agreed to hold joint naval exercises later this year.",
        "commitment",
        "agreed to",
        "The two sides also agreed to hold the next high-level consultations in Tokyo later this year.",
        None,
    ),
    # troops stationed by an Ally are news of a deployment; troops that are stationed somewhere describe it
    (
        "Germany has stationed a brigade in Lithuania.",
        "commitment",
        "step up / deploy",
        "He visited the air base, where troops from France and Belgium are stationed.",
        None,
    ),
    # increasing support is an action; taking stock of it is a review to come
    (
        "Ministers will also increase their support for Ukraine.",
        "commitment",
        "will (do)",
        "Ministers will also take stock of their support for Ukraine.",
        None,
    ),
    # an actor that attaches great importance to something names a priority; a museum does not
    (
        "The Secretary General said that NATO attaches great importance to its partnership with Japan.",
        "priority",
        "attaches great importance",
        "The museum attaches great importance to its collection of old maps.",
        None,
    ),
    # set 71: a dependence described as a strategic vulnerability is a threat named; a strategic partner is not
    (
        "Most of the cobalt used by Allied industry comes from one country, a dependence that officials"
        " described as a strategic vulnerability.",
        "concern",
        "described as a strategic vulnerability",
        "Most of the cobalt used by Allied industry comes from one country, a supplier that officials"
        " described as a strategic partner.",
        None,
    ),
    # "is to receive" money or funding is an action announced from the receiving end; a badge is not
    (
        "Each municipality is to receive €2 million in funding for new shelters.",
        "commitment",
        "will receive",
        "Each visitor is to receive a badge and a map of the site.",
        None,
    ),
    # facilities reported to be opened are an action; facilities that "would have been" busy are not
    (
        "Officials told reporters that their test facilities would be made available to start-ups from April.",
        "commitment",
        "a force or programme would (do), reported",
        "Officials told reporters that their test facilities would have been busy all winter anyway.",
        None,
    ),
    # navies that will patrol act; navies (or a working group) that will meet hold a future meeting
    (
        "The two navies will conduct a joint patrol in the Aegean next month.",
        "commitment",
        "a force or programme will (do)",
        "The working group will meet again in May.",
        None,
    ),
    # what is tested ("will test, in an exercise, whether X could") is no open question; "unclear whether" is
    (
        "Allies will test, during an exercise next spring, whether civilian ferries could carry tanks.",
        "commitment",
        "will (do)",
        "It is still unclear whether Allies would pay for civilian ferries to carry tanks.",
        None,
    ),
    # a joint paper (or non-paper) is the Allies' own proposal; a researchers' paper is commentary
    (
        "In a joint paper, France and Germany proposed that the EU fund a new air defence shield.",
        "commitment",
        "proposed that",
        "In a recent paper, researchers proposed that the EU fund a new air defence shield.",
        None,
    ),
    # an actor's assurance that something will be done is a commitment reported; a company's is not
    (
        "The Special Representative said ministers had assured her that the plans would be fully funded.",
        "commitment",
        "assured her that",
        "The company assured investors that its new factory would open on time.",
        None,
    ),
    # a fronted "N years after X adopted Y," recalls history; a decision in the main clause stays news
    (
        "Ten years after Allies first adopted the spending pledge, ministers agreed to raise the target to 3.5%.",
        "commitment",
        "agreed to",
        "Ten years after the Wales summit adopted the spending pledge, the Secretary General presented a report.",
        None,
    ),
    # "termed X a threat" names it one, like "called"; "termed the talks a success" names no threat
    (
        "The minister termed the growing cooperation between Moscow and Tehran a serious threat to Europe.",
        "concern",
        "names it a threat",
        "The minister termed the talks with his Finnish counterpart a real success.",
        None,
    ),
    # an amount to be contributed is an action whatever the subject; a price expected to rise to a sum is not
    (
        "The Korean side is also slated to contribute an additional USD 20 million to the trust fund.",
        "commitment",
        "is slated to contribute",
        "Ticket prices are expected to rise to USD 20 next year.",
        None,
    ),
    # an adversary's protest calling something a threat is its words; the Allies' objection is their concern
    (
        "Allied ministers objected to Beijing's support for Moscow, calling it a threat to European security.",
        "concern",
        "names it a threat",
        "Beijing has strongly objected to the exercise, with a spokesperson calling NATO's presence a threat to peace.",
        None,
    ),
    # "constitutes a priority" names one; "constitutes a step" does not
    (
        "Both delegations agreed that border security constitutes a priority of the partnership.",
        "priority",
        "is a priority",
        "The new agreement constitutes a first step toward a closer partnership.",
        None,
    ),
    # the impersonal passive with the decided thing as a noun is a decision; a discussed one is a topic
    (
        "It was decided the establishment of a joint training centre for demining experts.",
        "commitment",
        "it was decided the creation of",
        "It was discussed the establishment of a joint training centre for demining experts.",
        None,
    ),
    # "manifested his preoccupation" expresses concern; "manifested his gratitude" is thanks
    (
        "The minister manifested his preoccupation for the attacks against the electoral systems.",
        "concern",
        "expressed concern",
        "The minister manifested his gratitude for the support received from the Allies.",
        None,
    ),
    # "priority number one" names a priority; "number one" alone does not
    (
        'The minister said that air defence is "priority number one" for the government.',
        "priority",
        "top / key priority",
        "The minister said that the team finished number one in the shooting contest.",
        None,
    ),
    # a firm introduced by the plant it runs is a company; an Ally so introduced is an actor
    (
        "Romania, which runs a large gunpowder plant near Victoria, will double its output of shells next year.",
        "commitment",
        "will (do)",
        "General Dynamics, which runs the tank plant for the Army, said it will hire 200 more workers next year.",
        None,
    ),
    # a future forum however named is a meeting; a future exercise is a commitment
    (
        "NATO will also hold its first large air defence exercise in Ohio next spring.",
        "commitment",
        "will (do)",
        "NATO will also hold its first defence industry forum in Ohio next spring.",
        None,
    ),
    # the press's "top brass" fear an adversary's move; bystanders' fears are not the actors' concern
    (
        "Top brass fear Moscow could cut undersea cables in the North Sea.",
        "concern",
        "fear that",
        "Local farmers fear Moscow could ban imports of their apples.",
        None,
    ),
    # "top of the shopping list" names a priority; "top of the list of" ranks
    (
        'Insiders said that drones are "top of the shopping list" for every Ally.',
        "priority",
        "high on the agenda",
        "Norway was top of the list of donors in the annual ranking.",
        None,
    ),
    # support reaffirmed in the passive is a pledge; support discussed is a topic
    (
        "Support for Ukraine's armed forces was reaffirmed by all ministers.",
        "commitment",
        "support to Ukraine was reaffirmed",
        "Support for Ukraine's armed forces was discussed by all ministers.",
        None,
    ),
    # what has to be at the centre of the Alliance's work is a priority; a building at the centre of a town is not
    (
        "He said that cyber defence has to be at the centre of everything the Alliance does.",
        "priority",
        "has to be at the centre of",
        "The planners said the new headquarters has to be at the centre of the city.",
        None,
    ),
    # an adversary's ministry "saying it would" announces; an Ally's does so as an actor
    (
        "Poland's Defence Ministry hit back, saying it would send more troops to the border.",
        "commitment",
        "will (do)",
        "Russia's Defence Ministry hit back, saying it would respond to any build-up on its borders.",
        None,
    ),
    # set 74: what is recalled or brought to mind is known, not news; the same action announced is a commitment
    (
        "The Council approved a new training programme for Ukrainian pilots.",
        "commitment",
        "approve / adopt / endorse",
        "The Council recalled that Allies approved a plan to train Ukrainian pilots.",
        None,
    ),
    (
        "The Speaker urged parliaments to approve the defence budgets without delay.",
        "commitment",
        "approve / adopt / endorse",
        "The Speaker reminded delegates that it is parliaments that approve the defence budgets.",
        None,
    ),
    # concern voiced in the passive, with an adverb between; support voiced is no concern
    (
        "Concern was also voiced about the shortage of trained personnel in Allied armed forces.",
        "concern",
        "expressed concern",
        "Support was also voiced for the training of personnel in Allied armed forces.",
        None,
    ),
    # "will remain a top priority" names a priority, not an action; a unit that will remain somewhere is deployed
    (
        "The Secretary General said that support for Ukraine will remain a top priority at the summit.",
        "priority",
        "is a priority",
        "The Secretary General said that the brigade will remain in Lithuania until the end of the decade.",
        "commitment",
    ),
    # a decision foretold on whether to act is an open question; one foretold on acting is a plan
    (
        "Tokyo is expected to decide later this year to join a second NATO-led procurement project.",
        "commitment",
        "plan to / intend to",
        "Tokyo is expected to decide later this year whether to join a second NATO-led procurement project.",
        None,
    ),
    # a fronted reporter's question is no statement; the answer after it is read as usual
    (
        "Asked about air defence, the minister said Poland will buy two more Patriot batteries.",
        "commitment",
        "will (do)",
        "Asked whether Poland will buy two more Patriot batteries, the minister declined to comment.",
        None,
    ),
    (
        "Asked about the incident, the spokesperson said Allies were deeply concerned about the drone flights.",
        "concern",
        "expressed concern",
        "Asked whether Russian drones had crossed into Polish airspace, the spokesperson declined to comment.",
        None,
    ),
    # an Ally opening a factory launches it; factories that have opened are industry's outcome
    (
        "Germany has opened a new ammunition factory in Lower Saxony.",
        "commitment",
        "launch",
        "Across the Alliance, new ammunition factories have opened in Germany and Spain.",
        None,
    ),
    # a decision taken is news; "took no decision" is none
    (
        "Ministers took a decision to create a common fund for air defence.",
        "commitment",
        "the decision to",
        "Ministers took no decision on the proposal to create a common fund for air defence.",
        None,
    ),
    # committed to an action is a commitment; committed to a path towards membership is an aspiration
    (
        "Georgia remains committed to sending officers to the NATO training mission.",
        "commitment",
        "committed to",
        "Georgia remains committed to its path towards NATO membership.",
        None,
    ),
    # ---- round on blind set 78 (s15-prose78) ----
    # "anxious that X should" wishes it so; "anxious that X could" fears it
    (
        "Allies were anxious that Russia could use the exercise as cover for an attack.",
        "concern",
        "expressed concern",
        "The hosts were anxious that the summit should be remembered for its results.",
        None,
    ),
    # a topic put off to a later meeting is no decision; an agreed step is one
    (
        "Ministers agreed that the mandate of the mission will be extended next year.",
        "commitment",
        "mandate extended",
        "Italian officials, who had lobbied hard for a fund, left with a promise that the subject would be "
        "discussed again next year.",
        None,
    ),
    # a meeting measured against hopes is no shortfall; forces short of a plan are
    (
        "Far fewer volunteers than planned have signed up for the new reserve units.",
        "concern",
        "fewer volunteers than hoped",
        "In the end the declaration delivered far less than the eastern Allies had wanted.",
        None,
    ),
    # "will hardly" denies what follows, as "will not" does
    (
        "Allies will change their air defence plans after the incursions.",
        "commitment",
        "will (do)",
        "It is a modest step, and one that, as a senior official from another Ally put it, will hardly change "
        "the balance of power.",
        None,
    ),
    # an effect stated as commentary is no action; the step itself is
    (
        "According to the ministry, Allies will make their air defence systems available to Poland.",
        "commitment",
        "will (do)",
        "According to the Estonian ministry, the common procurement will save money for all three countries and "
        "will make the region more safe.",
        None,
    ),
    # a running tally since a year long past is background; an order this week is news
    (
        "NSPA officials said the agency has placed contracts for 300,000 rounds this week.",
        "commitment",
        "selected / ordered",
        "NSPA officials said the agency has placed contracts for more than 1.2 million rounds since 2023.",
        None,
    ),
    # Allies faulting their own deal name no threat; an adversary's decision criticised is a concern
    (
        "Ministers criticised the decision by Moscow to suspend the treaty.",
        "concern",
        "condemn",
        "Several leaders criticised the arrangement privately, according to diplomats.",
        None,
    ),
    # complacency with nothing named to be complacent about warns of no threat
    (
        "We cannot afford to be complacent about Russian sabotage.",
        "concern",
        "should not underestimate",
        '"We are not losing, but we cannot afford to be complacent," she said.',
        None,
    ),
    # what an official would not say is no statement; what she confirmed is
    (
        "She did not say which Allies had pushed for it, but confirmed that Allies will send two more frigates.",
        "commitment",
        "will (do)",
        "She did not say which Allies had pushed for a tougher line.",
        None,
    ),
    # a project an actor approves is a decision; a company's own project is not
    (
        "The CNAD approved a new multinational project, led by Germany, to jointly procure air defence interceptors.",
        "commitment",
        "approved a new project",
        "The company approved a new project to expand its production line.",
        None,
    ),
    # ---- round on blind set 75 (s15-prose75) ----
    # "will be" + an adjective of what a thing will be like is a forecast; a participle is a deployment
    (
        "The new brigade will be deployed to Lithuania by 2027.",
        "commitment",
        "will be expanded",
        "The new brigade will be costly and difficult to equip.",
        None,
    ),
    # a stretch of time as the subject is commentary on the time ahead; a topic named crucial is a priority
    (
        "Ministers agreed that air defence will be crucial for the protection of Allied cities.",
        "priority",
        "is essential",
        "The coming weeks will be crucial for the talks, one diplomat said.",
        None,
    ),
    # "will be the Agency's main focus" names a priority: "deliveries will be" is no delivery
    (
        "Speeding up deliveries will be the Agency's main focus this year.",
        "priority",
        "main topics",
        "Speeding up deliveries will be handed over to the Agency this year.",
        "commitment",
    ),
    # an actor's own expected step is a commitment; a decision a coming meeting is expected to take is not yet one
    (
        "The Netherlands is expected to send its battery first, in October.",
        "commitment",
        "plan to",
        "The new air defence plan is expected to be approved by leaders in July.",
        None,
    ),
    # what is made "at its plant" is a manufacturer's plan, though a country is named as its place
    (
        "Germany will open a new ammunition factory in Lithuania next year.",
        "commitment",
        "launch",
        "Kanonwerk said it would double output at its plant in Unterlüß, Germany, and open a new factory in Lithuania.",
        None,
    ),
    # a company named in the `company` word class is no actor; Allies saying "they would" are
    (
        "Estonia and Finland said they would share information on attacks with the Centre.",
        "commitment",
        "will (do)",
        "Microsoft and Google said they would share information on attacks with the Centre.",
        None,
    ),
    # a sentence attributed at its end to a researcher is the researcher's call; to a minister, an actor's
    (
        "The Alliance must show that it is ready to defend every inch of its territory, said Jonas Gahr, the "
        "defence minister.",
        "commitment",
        "remain committed",
        "The Alliance must show that it is ready to defend every inch of its territory, said Kristin Berg, a "
        "researcher at the institute.",
        None,
    ),
    # a shortfall conceded is a concern; a forecast of cost conceded is commentary
    (
        "Allied land forces still have far too few counter-drone systems, the commanders admitted.",
        "concern",
        "too fragmented",
        "The deployment will be costly and logistically difficult, diplomats acknowledged.",
        None,
    ),
    # a launch on Monday is news; a launch last year is background
    (
        "NATO opened a new cyber defence centre in Mons on Monday.",
        "commitment",
        "launch",
        "NATO opened a new cyber defence centre in Mons last year.",
        None,
    ),
    # a NATO body named back by its capitalised kind acts; a lowercase agency is a news or national agency
    (
        "The Agency will also buy 1,200 anti-tank missiles for the three Baltic states.",
        "commitment",
        "the Agency will",
        "The agency will also publish the photographs on its website.",
        None,
    ),
    # forces moved somewhere are a deployment; a meeting moved to another day is a schedule
    (
        "Allies agreed that if any Russian units stay in Belarus after the exercise, a multinational brigade "
        "will be moved to Lithuania within weeks.",
        "commitment",
        "a brigade will be moved to",
        "The meeting will be moved to Thursday because of the strike.",
        None,
    ),
    # a decision that there will be no reduction is a decision; no decision taken is none
    (
        "Ministers agreed, however, that there will be no reduction of troops before the elections.",
        "commitment",
        "agreed that there will be no reduction",
        "No decision was taken on a reduction of troops before the elections.",
        None,
    ),
    # a warning attributed at the end, then a participle clause, is still a warning
    (
        "The winter will be hard for Ukraine's energy system, the defence minister warned, pointing to "
        "renewed Russian strikes.",
        "concern",
        "..., the minister warned, pointing to",
        "The winter will be hard for Ukraine's energy system, the defence minister said, pointing to the "
        "weather forecast.",
        None,
    ),
    # experts who "say" what the Alliance should do recommend; ministers who say it call for it
    (
        "Ministers say the Alliance should make drone defence its top priority.",
        "commitment",
        "must / should",
        "Independent experts say the Alliance should make drone defence its top priority.",
        None,
    ),
    # an adversary in a conditional clause is not the one acting: the Allies' pledge stands
    (
        "If Russia escalates further, Allies will move additional forces to the eastern flank.",
        "commitment",
        "will (do)",
        "Russia has escalated its attacks on Ukrainian ports.",
        "concern",
    ),
    # a worry followed by a call keeps the call (commitment > concern); the worry alone is a concern
    (
        "Allies expressed concern about the rising number of incidents and called on Belgrade and Pristina "
        "to return to the dialogue.",
        "commitment",
        "call for",
        "Allies expressed concern about the rising number of incidents in the north.",
        "concern",
    ),
    # set 77 (s15-prose77): an adversary as the object of the actors' verb is no adversary announcing
    (
        "Leaders condemned Russia's strikes on Ukrainian cities and agreed that support for Ukraine will continue.",
        "commitment",
        "will (do)",
        "Moscow condemned the deployment and said it will respond with military measures.",
        None,
    ),
    # a company's plan reported by its managers is no actor's plan; an Ally's plan so reported is
    (
        "The minister toured a shipyard, where managers told her that Norway plans to order two more submarines.",
        "commitment",
        "plan to / intend to",
        "The minister toured a shipyard, where managers told her that the company plans to open a second line.",
        None,
    ),
    # firms as the speakers are no actors; ministers telling firms what Allies will do are
    (
        "Ministers told several firms that Allies will sign multi-year contracts next year.",
        "commitment",
        "approve / adopt / endorse",
        "Several firms told her that long-term orders from governments are needed before they can invest.",
        None,
    ),
    # what a conference's ideas will guide is commentary; using them to draft a concept is an action
    (
        "ACT will use the ideas gathered at the conference to draft a new concept by June.",
        "commitment",
        "COMEDS will draft",
        "The commander said the ideas gathered at the conference will guide the work of the command next year.",
        None,
    ),
    # making the whole Alliance stronger is an effect foretold; making a capability stronger is an action
    (
        "NATO will make its air defences stronger on the eastern flank.",
        "commitment",
        "will (do)",
        "The Secretary General said that the accession of the two countries will make the Alliance stronger.",
        None,
    ),
    # ---- round on blind set 79 (s16-prose79) ----
    # a trailing relative clause dates what is continued, not the news; a main clause dated to a year is background
    (
        "Poland will continue the patrols along its eastern border, which began in 2023.",
        "commitment",
        "will (do)",
        "Poland began the patrols along its eastern border in 2023.",
        None,
    ),
    # resolve in the passive ("will not be deterred") names no action; not standing by while attacked does
    (
        "Allies will not stand by while Russia attacks their infrastructure, the minister said.",
        "commitment",
        "will not stand by",
        "Allies will not be deterred by these attacks, the minister said.",
        None,
    ),
    # readiness to weigh a step is no step; readiness to take it is a pledge
    (
        "Japan is ready to send a liaison officer to the exercise.",
        "commitment",
        "remain committed",
        "Japan is ready to consider sending a liaison officer to the exercise.",
        None,
    ),
    # a meeting named back by "it" that "focused on" reports its agenda; actors who will focus name a priority
    (
        "Allies will focus on the protection of the energy grid this winter.",
        "priority",
        "will focus on",
        "The session was chaired by the Deputy Secretary General, and it focused on the urgent needs of the "
        "energy grid.",
        None,
    ),
    # the plans an exercise tests are its scenario; the Allies' plan to send forces is a plan
    (
        "Allies plan to send reinforcements through Norwegian ports next year.",
        "commitment",
        "plan to",
        "The drill tests new plans for sending reinforcements through Norwegian ports.",
        None,
    ),
    # an exercise announced with its start is a future exercise; how long a running one lasts is its timetable
    (
        "The exercise will start in May and will last until June.",
        "commitment",
        "a force or programme will",
        "The exercise, held every year since 2006, will last until the end of March.",
        None,
    ),
    # a threat named is a concern; a message to anyone who would threaten names none
    (
        "Russian submarines would threaten the sea routes to Norway in a crisis.",
        "concern",
        "threatens / undermines",
        "The drill sends a clear signal of unity to anyone who would threaten the Baltic states.",
        None,
    ),
    # ---- round on blind set 80 (s16-prose80) ----
    # a meeting report's closing line on what the meeting showed is commentary; what leaders agreed is news
    (
        "At this meeting, NATO leaders agreed that the stability of the Western Balkans is important for the "
        "security of Europe.",
        "priority",
        "is essential / crucial / important",
        "Through this meeting, NATO showed once again that the stability of the Western Balkans is important for "
        "the security of Europe.",
        None,
    ),
    (
        "Through this conference, the Allies agreed to stay united in the face of Russian pressure.",
        "commitment",
        "agreed to / agreed on",
        "Through this conference, the Allies showed their readiness to stay united in the region.",
        None,
    ),
    # an occasion said to show an importance is the writer's comment; participants who highlight it name a priority
    (
        "Ministers highlighted the growing importance of the defence industry for the security of the Alliance.",
        "priority",
        "importance of / need for",
        "This event highlights the growing importance of the defence industry for the security of the Alliance.",
        None,
    ),
    # a hostile act that has increased is a trend; an Ally that has increased its patrols acts
    (
        "Finland has increased its patrols against the jamming of GPS signals.",
        "commitment",
        "step up / deploy",
        "The jamming of GPS signals over the Baltic Sea and Finland has increased sharply since 2023.",
        None,
    ),
    # what a wider use will bring about is commentary; an actor's step, or a programme that goes on, is a commitment
    (
        "NATO will reduce its reliance on a single satellite operator.",
        "commitment",
        "will (do)",
        "Greater use of commercial satellites will reduce costs for the Allies.",
        None,
    ),
    (
        "Training of Ukrainian pilots will continue in Romania next year.",
        "commitment",
        "a force or programme will (do)",
        "Investing in new air defence systems will make the Alliance less vulnerable to attacks.",
        None,
    ),
    # an exposure lessened names no threat; an exposure that remains does
    (
        "Allied networks remain vulnerable to attacks on undersea cables.",
        "concern",
        "vulnerable to sabotage",
        "Backup systems make the network less vulnerable to attacks.",
        None,
    ),
    # "will ever" measures against all time; "its largest exercise ever" is still an exercise to come
    (
        "NATO will hold its largest exercise ever in the spring.",
        "commitment",
        "will (do)",
        "The declaration is longer than most leaders will ever read.",
        None,
    ),
    # what analysts expect is a forecast, as what they say is a view
    (
        "The spending debate dominated the meeting.",
        "priority",
        "dominated the agenda",
        "Analysts expect the spending debate to dominate the next meeting too.",
        None,
    ),
    # what an actor stresses must be done is a priority (as sets 35 and 41 label it); a demand on an adversary is a call
    (
        "The Secretary General stressed that every Ally must invest more in defence.",
        "priority",
        "stressed that every Ally must invest",
        "The Secretary General stressed that Russia must withdraw its troops from Ukraine.",
        "commitment",
    ),
    (
        "Ministers stressed that Allies must act quickly, and agreed to send two more brigades.",
        "commitment",
        "agreed to / agreed on",
        "Ministers stressed that Allies must act quickly and share the burden fairly.",
        "priority",
    ),
    # a decided plan's contents are its steps; a visit's programme is a schedule
    (
        "The Action Plan includes the appointment of a counter-terrorism coordinator at NATO Headquarters.",
        "commitment",
        "the Action Plan includes",
        "The programme of the visit includes a tour of the training area.",
        None,
    ),
    # a rivalry with an adversary said to grow is a concern; a background "amid" phrase is not
    (
        "The melting of ice in the Arctic is opening new sea routes and increasing the competition with Russia and "
        "China.",
        "concern",
        "increasing the competition with Russia",
        "Amid increasing competition with Russia, ministers met in Brussels.",
        None,
    ),
    # ---- round on blind set 82 (s16-prose82) ----
    # an adversary's intrusion the text states is a concern; an incident an official reports is a reported fact
    (
        "Russian drones have crossed into Latvian airspace several times this month.",
        "concern",
        "an adversary's drones crossed into",
        "The Latvian minister said that Russian drones have crossed into the country's airspace several times "
        "this month.",
        None,
    ),
    # a warning to the leaders is a concern; briefing them on a topic reports the agenda
    (
        "The President of Moldova warned the leaders about Russian attempts to destabilise her country.",
        "concern",
        "warn",
        "The President of Moldova briefed the leaders on Russian attempts to destabilise her country.",
        None,
    ),
    # readiness to host forces is a pledge; readiness to host talks offers a meeting
    (
        "Poland is ready to host a new brigade of Allied troops.",
        "commitment",
        "remain committed",
        "Poland is ready to host new talks between the two sides.",
        None,
    ),
    # a step announced is a commitment; a step under consideration is not
    (
        "Tokyo will open a defence attaché office at its mission to NATO.",
        "commitment",
        "launch",
        "Tokyo is considering to open a defence attaché office at its mission to NATO.",
        None,
    ),
    # an aim of the Allies is a commitment; what an exercise sets out to test is its scenario
    (
        "The aim is to ensure that Allies never again run short of ammunition.",
        "commitment",
        "the aim is to",
        "Its goal is to test how national air defence systems can share one air picture.",
        None,
    ),
    # Allies using lessons for a step is a commitment; lessons that "will be used" foretell an effect
    (
        "Allies will use the lessons to buy more radars.",
        "commitment",
        "will (do)",
        "Lessons from the exercise will be used for the new air policing mission.",
        None,
    ),
    # an Ally's plans presented are a plan; a firm's plans presented to a visitor are not the Allies'
    (
        "Norway presented its plans to buy two more submarines.",
        "commitment",
        "plan to",
        "The minister visited a shipyard, where the company presented its plans to build two more submarines.",
        None,
    ),
    # joining for the first time is news; having been the first partner to join is history
    (
        "Japan will also join the exercise as a full participant for the first time.",
        "commitment",
        "will (do)",
        "Japan was the first partner to join the exercise as a full participant.",
        None,
    ),
    # the Allies calling drills a provocation is their concern; an adversary's media calling an exercise one is not
    (
        "Allies described Russia's drills near the border as a provocation.",
        "concern",
        "called it dangerous",
        "Russian media described the Allied exercise as a provocation.",
        None,
    ),
    # a need named is a priority; needs presented without naming them report the agenda
    (
        "The minister said that air defence is the most urgent need of his armed forces.",
        "priority",
        "a pressing need",
        "The minister presented the most urgent needs of his armed forces.",
        None,
    ),
    # a new centre opening, announced by a pronoun, is a step; "will open the way" foretells an effect
    (
        "He also announced that a new training centre for drone operators will open in Latvia in 2027.",
        "commitment",
        "a new training centre will open",
        "He also said that the new agreement will open the way for closer cooperation.",
        None,
    ),
    # ---- round on blind set 83 (s16-prose83) ----
    # an actor's step is a commitment; the effect a step pointed back at is expected to bring is commentary
    (
        "Allies will reduce their reliance on a single satellite operator.",
        "commitment",
        "will (do)",
        "This initiative is expected to reduce costs for the participating nations.",
        None,
    ),
    # what an exercise tries out is a step; what it tests in the Allies is its scenario
    (
        "The exercise will test new routes from Norwegian ports to northern Finland.",
        "commitment",
        "a force or programme will (do)",
        "The exercise is expected to test the ability of Allies to reinforce the region quickly.",
        None,
    ),
    # an actor's focus is a priority; a conference that "focused on" after its host reports the agenda
    (
        "Allies will focus on air defence in the coming year.",
        "priority",
        "will focus on",
        "The conference was hosted by the Commander of MARCOM, a British admiral, and focused on anti-submarine "
        "warfare.",
        None,
    ),
    # a new post that will report to the Secretary General is news of a decision; reporting on a visit is a briefing
    (
        "Leaders decided to appoint a Special Envoy, who will report directly to the Secretary General.",
        "commitment",
        "decided to",
        "The Chair of the Military Committee will report on his visit to the Chiefs of Defence in January.",
        None,
    ),
    # pushing for forces is a call for action; pushing for a wording negotiates a text
    (
        "Poland pushed for more air defence systems for the eastern flank.",
        "commitment",
        "pressed for",
        "Hungary and Slovakia had pushed for a softer wording, diplomats said.",
        None,
    ),
    # a warning of sabotage is a concern; sabotage as a topic the talks covered is the agenda
    (
        "The minister warned of a recent wave of sabotage against railways.",
        "concern",
        "warn",
        "The talks also covered the recent wave of sabotage against railways.",
        None,
    ),
    # repeated intrusions stated are a concern; one dated in a fronted time phrase is a reported incident
    (
        "Russian drones have entered Polish airspace many times since the summer.",
        "concern",
        "an adversary's drones crossed into",
        "In September, Russian drones entered Polish airspace during an attack on western Ukraine.",
        None,
    ),
    # a need named is a priority; things described by what they are needed for name none
    (
        "More air defence systems are needed for the protection of cities.",
        "priority",
        "is essential / crucial / important",
        "Japan is a leading producer of the machines that are needed for such chips.",
        None,
    ),
    # ministers highlighting an importance name a priority; a meeting in a place that highlights it is commentary
    (
        "Ministers highlighted the increasing importance of the Arctic for the security of the Alliance.",
        "priority",
        "importance of / need for",
        "The meeting in Tromsø highlights the increasing importance of the Arctic for the security of the Alliance.",
        None,
    ),
    # a work that will be completed by a date is a plan; one completed in a past year is history
    (
        "The construction of the new barriers will be completed by 2028.",
        "commitment",
        "will be completed by 2028",
        "The construction of the new barriers was completed in 2024.",
        None,
    ),
    # a new platform expected to become operational by a date is a start announced; an adversary's base is not
    (
        "The new platform is expected to become operational before the end of the year.",
        "commitment",
        "is expected to become operational",
        "Russia's new Arctic base is expected to become operational before the end of the year.",
        None,
    ),
    # drones made a permanent part of a mission are a step; a permanent part of warfare is a forecast
    (
        "Naval drones will also become a permanent part of the mission.",
        "commitment",
        "will become a permanent part of the mission",
        "Drones will become a permanent part of modern warfare.",
        None,
    ),
    # what participants agree must again become a core skill is a priority; what has become one is a fact
    (
        "Participants agreed that anti-submarine warfare must again become a core skill of all Allied navies.",
        "priority",
        "agreed that X must again become",
        "Participants noted that anti-submarine warfare had again become a core skill of all Allied navies.",
        None,
    ),
    # an actor's aim is a commitment; "which aims to" gives a programme's purpose
    (
        "NATO aims to double the number of its trainers.",
        "commitment",
        "aim to",
        "The European Union presented its new Democracy Shield, which aims to protect elections.",
        None,
    ),
    # ---- round on blind set 84 (s16-prose84) ----
    # a decision at a summit is news; one dated "In 2022, ..." is history, also when "plans" is a noun in it
    (
        "Allies agreed on new regional defence plans at the summit.",
        "commitment",
        "agreed to / agreed on",
        "In 2022, at the summit in Madrid, Allies agreed on new force plans for the eastern flank.",
        None,
    ),
    # an actor helping a partner is a step; what new plans "will help to make" more credible is their effect
    (
        "Allies will help Ukraine make its air defence more effective.",
        "commitment",
        "will (do)",
        "The new plans will help to make deterrence more credible.",
        None,
    ),
    # battalions brought to a region are a deployment; jobs and investment a factory brings are its effect
    (
        "Germany will bring two more battalions to the region.",
        "commitment",
        "will (do)",
        "The minister said that the new factory will also bring jobs and investment to the region.",
        None,
    ),
    # a budget raised this year is news of a step; raised every year since 2020 is a trend
    (
        "Sweden has raised its defence budget to 2.6 percent of GDP this year.",
        "commitment",
        "step up / deploy (news of an action)",
        "Sweden has raised its defence budget every year since 2020.",
        None,
    ),
    # consultations the Allies agree remain important are a priority; "such visits will remain important" a wrap-up
    (
        "Allies agreed that regular consultations with partners remain important.",
        "priority",
        "is essential / crucial / important",
        "As the security situation continues to change, such visits will remain important for close coordination.",
        None,
    ),
    # the main task today is a priority; the main task during the Cold War is history
    (
        "For the first time since the Cold War, anti-submarine warfare is the main task of Allied navies.",
        "priority",
        "main topics / key issue",
        "During the Cold War, hunting submarines was the main task of many Allied navies.",
        None,
    ),
    # joining on Monday is news; joining dated with its year is history
    (
        "Japan joined the programme on Monday.",
        "commitment",
        "joined a new initiative",
        "Finland and Sweden joined the initiative in 2023.",
        None,
    ),
    # Allies ready to provide systems pledge them; a radar that "could be ready for use" is a forecast
    (
        "Several Allies said that they are ready to provide further systems.",
        "commitment",
        "remain committed / resolute",
        "The firm showed a radar which could be ready for use within two years.",
        None,
    ),
    # an Ally investing in a plant is a step; the firms a fund has invested in are a tally
    (
        "Norway has invested 2 billion euros in a new ammunition plant.",
        "commitment",
        "step up / deploy (news of an action)",
        "The fund, backed by 24 Allies, has already invested in more than ten companies.",
        None,
    ),
    # a programme named a priority is one; a programme described by what it allows is not
    (
        "The Partnership for Peace is a priority for the Alliance.",
        "priority",
        "is a priority",
        "The Partnership for Peace is a programme of practical cooperation that allows each partner to choose its own"
        " priorities for the work with NATO.",
        None,
    ),
    # a level agreed to stay is a priority, as "must remain"; a step agreed to be taken is a call for action
    (
        "Ministers agreed that support for Ukraine must stay at least at the current level next year.",
        "priority",
        "stressed that X must be done",
        "Ministers agreed that Allies must step up their support for Ukraine next year.",
        "commitment",
    ),
    # a named speaker's suggestion that Allies should act is a call for action; some participants' is not
    (
        "The Secretary General suggested that Allies should hold such a meeting at every summit.",
        "commitment",
        "must / should",
        "Some participants suggested that NATO should hold such a meeting at every summit.",
        None,
    ),
    # round on blind set 87: Allies ready to defend is a pledge; an event called a signal of that readiness is not
    (
        "Allies remain ready to defend every inch of Allied territory.",
        "commitment",
        "remain committed / resolute",
        "The exercise is a strong signal of the Allies' readiness to defend every inch of Allied territory.",
        None,
    ),
    # a decision to make railways ready is one; a determination those present showed is a wrap-up
    (
        "Leaders agreed to make the roads and railways of Europe ready for military transport.",
        "commitment",
        "agreed to / agreed on",
        "In the end, the ministers showed a common determination to make the roads and railways of Europe ready for"
        " military transport.",
        None,
    ),
    # an Ally building bases is news of an action; the bases it is building, as a sentence's object, are not
    (
        "The minister said that Poland is building two new bases near the border.",
        "commitment",
        "is deploying (an action under way)",
        "Officials visited the two new bases that Poland is building near the border.",
        None,
    ),
    # specialists of an Ally who will clear mines are a step announced; what they did last year is history
    (
        "Estonian divers will clear the old mines from the harbour next month.",
        "commitment",
        "divers / sappers will",
        "Estonian divers cleared the old mines from the harbour last year.",
        None,
    ),
    # what must happen to a thing, agreed, is named as necessary; what Allies must do is a call for action
    (
        "Ministers agreed that the production of air defence interceptors must triple within five years.",
        "priority",
        "agreed that production must double",
        "Ministers agreed that Allies must triple the production of air defence interceptors within five years.",
        "commitment",
    ),
    # a critical bottleneck is an obstacle named; a critical part is named as key
    (
        "The shortage of trained crews was described as a critical bottleneck for the air force.",
        "concern",
        "a critical bottleneck",
        "The shortage of trained crews was described as a critical part of the problem for the air force.",
        "priority",
    ),
    # round on set 88: a force's task measured against a past joining keeps its news; the dated history told as
    # the sentence's own news stays background
    (
        "In 2026, the Czech Armed Forces will deploy up to 1,100 soldiers in NATO operations, the largest number"
        " since the Czech Republic joined the Alliance in 1999.",
        "commitment",
        "a force or programme will (do)",
        "In 1999, the Czech Armed Forces sent 600 soldiers to Kosovo, the largest number since the country became"
        " independent.",
        None,
    ),
    # one ship named back with its task ahead is a deployment; a ship open to visitors has no task
    (
        "The ship will patrol near undersea cables and pipelines between Denmark, Germany and Poland until the end of"
        " March.",
        "commitment",
        "the ship will patrol",
        "The ship will be open to visitors in the port of Gdynia on Saturday.",
        None,
    ),
    # ministers adopting their joint statement take a decision; an adversary's parliament is no actor
    (
        "NATO foreign ministers on Thursday adopted a joint statement at the end of their meeting in Oslo.",
        "commitment",
        "adopted a joint statement",
        "Russia's parliament adopted a statement on the anniversary of the war.",
        None,
    ),
    # an Ally asking for more systems calls for action; asking for a footnote negotiates a text's wording
    (
        "Poland asked for more air defence systems at the meeting, diplomats said.",
        "commitment",
        "asked for / requested",
        "Hungary asked for a footnote on the paragraph on Ukraine's membership, diplomats said.",
        None,
    ),
    # a meeting's dominant topic is a priority; what has dominated the agenda over years is background
    (
        "Support for Ukraine dominated the agenda of the two-day meeting.",
        "priority",
        "dominated the agenda",
        "For most of the past three years, the war in Ukraine has dominated the Alliance's agenda, and the south has"
        " often seemed an afterthought.",
        None,
    ),
    # a minister's first-person need is a priority; a mayor's need for municipal services is not
    (
        '"We need more air defence," the minister told the newspaper.',
        "priority",
        "we must / we need",
        '"We need a new road and a better water supply," she told the newspaper.',
        None,
    ),
    # round on blind set 90: "agreed to" + a verb is a decision; a stranded "agreed to in 2014" names an old one
    (
        "Ministers agreed to raise the targets for air defence and space.",
        "commitment",
        "agreed to / agreed on",
        "Several Allies are still far from the spending targets they agreed to in 2014.",
        None,
    ),
    # a gerund "agreeing on X" as the subject of a priority names what is to be agreed; "by agreeing to" is news
    (
        "Therefore, agreeing on common standards for counter-drone systems is a priority on the agenda of this"
        " meeting.",
        "priority",
        "is a priority",
        "Allies ended the meeting by agreeing to double the number of patrols in the Baltic Sea.",
        "commitment",
    ),
    # a meeting ending with the approval of a plan is a decision; a visit ending with a signed book decides nothing
    (
        "The conference ended with the approval of a new joint action plan on counter-terrorism.",
        "commitment",
        "concluded with the adoption of a new action plan",
        "The visit ended with the signing of the book of condolences at the embassy.",
        None,
    ),
    # round on set 91: the Republic of Korea is a partner that acts; North Korea is an adversary
    (
        "The Republic of Korea will send a team to NATO's cyber defence exercise next year.",
        "commitment",
        "will (do)",
        "North Korea will send more soldiers to Russia, officials said.",
        None,
    ),
    # Allies who must continue to train are called to act; support that must continue is a state to keep
    (
        "Ministers agreed that Allies must continue to train Ukrainian pilots.",
        "commitment",
        "must / should",
        "The chiefs agreed that support for the armed forces of both partners must continue.",
        "priority",
    ),
    # an Ally calling a Russian act a provocation names a threat; Russia's embassy in an Allied capital does not
    (
        "Norway called the Russian overflight a provocation.",
        "concern",
        "called it dangerous",
        "Russia's embassy in Oslo called the exercise a provocation.",
        None,
    ),
    # an Ally asking Allies for systems calls for action; asking for an exception asks to be spared
    (
        "Estonia asked Allies for more air defence systems for the winter.",
        "commitment",
        "asked for / requested",
        "Spain, which had asked for an exception, signed the text.",
        None,
    ),
    # a gap agreed to need closing is a priority; a gap described as one that must be closed is the concern
    (
        "Ministers agreed that the gap in air defence must be closed by 2027.",
        "priority",
        "stressed that X must be done",
        "The shortage of ammunition was described as a critical gap that must be closed quickly.",
        "concern",
    ),
    # a pledge about the ports keeps its kind; a hypothetical "would" in a relative clause is no plan
    (
        "Allies will upgrade the ports through which reinforcements would arrive.",
        "commitment",
        "will (do)",
        "The protection of the ports, through which Allied reinforcements would arrive, is the main focus of the"
        " planning.",
        "priority",
    ),
    # a joint exercise to be held is a commitment; a dialogue to be held is a future meeting
    (
        "NATO and Japan will also hold a joint exercise on space security next spring.",
        "commitment",
        "will (do)",
        "NATO and the Republic of Korea will also hold their first dialogue on space security next spring.",
        None,
    ),
    # round on set 93: an intrusion told in the writer's voice is a concern; one officials "noted" is a reported fact
    (
        "Russian drones have crossed into Allied airspace more than forty times since January.",
        "concern",
        "an adversary's drones crossed into",
        "Officials noted that more than 20 Russian drones had entered Polish airspace since the start of the year.",
        None,
    ),
    # a call for investment is a call for action; an annual call for proposals is an open competition
    (
        "The Secretary General called for more investment in air defence.",
        "commitment",
        "call for",
        "The event marked the start of the fourth annual call for proposals since the programme began in 2023.",
        None,
    ),
    # a danger ministers warn of is a concern; the same words as a meeting's backdrop set the scene
    (
        "Ministers warned that the security environment is more dangerous than at any point since the Cold War.",
        "concern",
        "warn",
        "The meeting brought together ministers at a time when the security environment is more dangerous than"
        " ever.",
        None,
    ),
    # an Ally sending a jet is news of an action; an adversary sending one is not the Allies' commitment
    (
        "Poland sent a fighter jet to Estonia after Russia violated its airspace.",
        "commitment",
        "step up / deploy (news of an action)",
        "Officials noted that Belarus had sent a helicopter into Lithuanian airspace in May.",
        None,
    ),
    # round on set 92: what the actors agreed is key keeps its priority; what an occasion shows, in a closing line,
    # is commentary
    (
        "In conclusion, Allies agreed that cooperation with industry is key to staying ahead of the threat.",
        "priority",
        "is essential / crucial / important",
        "In conclusion, the exercise demonstrates that cooperation between armed forces and industry is key to"
        " staying ahead of the threat.",
        None,
    ),
    # the actors' own readiness is a pledge; the readiness a drill is said to have shown is a wrap-up
    (
        "In conclusion, Allies and partners said they are ready to help each other in a crisis.",
        "commitment",
        "remain committed / resolute",
        "Overall, the drill showed that Allies are ready to help each other after an earthquake.",
        None,
    ),
    # round on set 95: experts an Ally sends are its object, not an expert's voice; an expert's own words stay
    # commentary
    (
        "The Netherlands will send two more cyber experts to the centre from April, a Dutch official told reporters.",
        "commitment",
        "will (do)",
        "Analysts told reporters that the Netherlands will send two more cyber experts to the centre.",
        None,
    ),
    # an actor's need is a priority; the capacity "they would need" is a hypothetical, as "would have to" is
    (
        "Allies need to protect the eastern flank with more air defence, officials said.",
        "priority",
        "need to / have to (an actor's need: a priority)",
        "Allies have less than five percent of the air defence capacity they would need to protect the eastern"
        " flank.",
        None,
    ),
    (
        "Allies will need to protect the eastern flank with more air defence, officials said.",
        "commitment",
        "will (do)",
        "Officials said the Allies would need to protect the eastern flank with more air defence.",
        None,
    ),
    # a need in the first person is a priority; "we need years" measures how long things take
    (
        '"We need more interceptors, and we need them this year," the minister said.',
        "priority",
        "we must / we need (a need in the first person)",
        '"Russia builds a new drone in weeks, we need years," the general said.',
        None,
    ),
    # a call decided beside a discussion keeps its kind; what a conference is held to discuss is a topic
    (
        "Ministers discussed how Allies should respond and agreed that Allies must buy more interceptors.",
        "commitment",
        "must / should (an actor's call for action)",
        "The conference is held every year to discuss how NATO forces should adapt to new technologies.",
        None,
    ),
    # an approval in the passive is news; the same approval dated to a past year is background
    (
        "The regional plans were approved by Allied leaders on Thursday.",
        "commitment",
        "was approved by the Council (news of a decision, in the passive)",
        "The chiefs reviewed the regional plans, which were approved by Allied leaders in 2023.",
        None,
    ),
    # round on set 96: a launch in the main clause is news; the one an appositive yardstick recalls is history
    (
        "Allies agreed to set up a joint task force on critical infrastructure, the first of its kind since the end"
        " of the Cold War.",
        "commitment",
        "agreed to / agreed on",
        "Officials met in Brussels for a high-level dialogue, the first of its kind since the two organisations set"
        " up a joint task force on critical infrastructure.",
        None,
    ),
    # what an Ally would do, reported, is a pledge; what transport would rely on in a crisis is a situation
    (
        "According to the minister, Poland would send two frigates to the Baltic Sea.",
        "commitment",
        "will (do)",
        "According to the European Commission, more than 90 percent of military transport in a crisis would rely on"
        " civilian ships, trains and trucks.",
        None,
    ),
    # a government's aim is a commitment; a meeting's aim, behind a "hosted by" appositive, is its purpose
    (
        "The Slovak government, which hosted the meeting, aims to double ammunition production by 2027.",
        "commitment",
        "aim to",
        "The meeting, hosted by the Slovak government, aims to identify the main obstacles to higher production and"
        " to agree on practical ways to overcome them.",
        None,
    ),
    # troops sent since an attack are news; a force deployed in a place since a year is background
    (
        "Italy has deployed additional troops in Kosovo since the attack in the north.",
        "commitment",
        "step up / deploy (news of an action)",
        "KFOR has been deployed in Kosovo since 1999 and currently consists of around 4,800 troops from 27 Allies and"
        " partners.",
        None,
    ),
    # "open" as a verb launches an office; "open" before the discussions it describes is an adjective
    (
        "Japan will also open a new liaison office at NATO Headquarters.",
        "commitment",
        "launch",
        "Informal meetings of ministers do not take formal decisions, but they allow for open discussions on"
        " difficult issues.",
        None,
    ),
    # a Central Asian partner hosting an exercise is a commitment; taking part as an observer is attendance
    (
        "Uzbekistan will host a NATO-supported exercise on the response to earthquakes in the autumn.",
        "commitment",
        "will (do)",
        "Turkmenistan, which is a neutral country, took part in the meeting as an observer.",
        None,
    ),
    # a partner joining a coalition is a step; one that "may join" a programme is a hedge
    (
        "Sweden joined the new coalition for air defence on Monday.",
        "commitment",
        "joined a new initiative",
        "Uzbekistan may join the NATO science programme on the detection of explosives, the Uzbek delegation said.",
        None,
    ),
    # a speaker's own country named back is the Ally acting; an adversary's speaker is not (round on set 97)
    (
        "The Slovak Prime Minister said that his country will buy two more air defence batteries next year.",
        "commitment",
        "will (do)",
        "Putin said that his country will deploy new missiles in Belarus.",
        None,
    ),
    # an actor's need is a priority; a negated need is none (round on set 97, edited in place)
    (
        "Allies need to invest more in air and missile defence, the ministers said.",
        "priority",
        "need to / have to (an actor's need: a priority)",
        "The Portuguese minister said that his country does not need to spend more than 2 percent of GDP.",
        None,
    ),
    # round on blind set 99: a decision recalled at a dated summit is history; one at this week's summit is news
    (
        "At the summit on Wednesday, Allies pledged to keep their support at the level of this year.",
        "commitment",
        "pledged",
        "At the Washington summit in 2024, Allies pledged a minimum baseline of 40 billion euros within a year for"
        " military assistance to Ukraine.",
        None,
    ),
    # a call in the past perfect dated with its year is history; reported without a year it keeps its call
    (
        "Romania had asked Allies for more air defence, the minister said.",
        "commitment",
        "asked for / requested (an actor's call for action)",
        "Romania had asked Allies for more air defence after the first incidents in 2023.",
        None,
    ),
    # a visit counted since a past event reports the visit; the event told on its own keeps its news
    (
        "The European Commission presented its plan to raise up to 800 billion euros for European defence.",
        "commitment",
        "plan to / intend to",
        "It was her first visit since the European Commission presented its plan to raise up to 800 billion euros"
        " for European defence.",
        None,
    ),
    # a launch as a possibility ("could also open") is no decision; "will open" is
    (
        "The EU will open a liaison office in Kyiv.",
        "commitment",
        "launch",
        "The EU could also open its satellite centre's imagery to NATO, but no agreement was reached.",
        None,
    ),
    # a quote that calls a bare "it" necessary names no topic; "It is necessary to invest in X" does
    (
        "\u201cIt is necessary to invest more in air defence,\u201d he said.",
        "priority",
        "is essential / crucial / important",
        "\u201cIt is ambitious, but it is necessary,\u201d he replied.",
        None,
    ),
    # no room for complacency with nothing named warns of no threat; "... about Russian sabotage" does
    (
        "There is no room for complacency about Russian sabotage, the minister said.",
        "concern",
        "should not underestimate",
        "The Secretary General said that the Alliance is much stronger than five years ago but that there is no room"
        " for complacency.",
        None,
    ),
    # "missile launches" is a noun, no launch by an actor (the launch rule, edited in place): the threat stays
    (
        "NATO will launch a new mission in the Red Sea.",
        "commitment",
        "launch",
        "The Secretary General warned that North Korea's missile launches are a threat to peace in Europe as well as"
        " in Asia, because Pyongyang supplies missiles to Russia.",
        "concern",
    ),
    # a capitalised "Action Plan to" in a past decision's name is no future verb (the set-84 rule, edited in place)
    (
        "In 2027, Allies plan to open a new centre.",
        "commitment",
        "plan to",
        "In 2023, Allies agreed on a Defence Production Action Plan to speed up joint procurement.",
        None,
    ),
    # round on set 98: a decision taken since a past point is news; a trend since then is background
    (
        "Since the summit, Poland has decided to buy two more air defence batteries.",
        "commitment",
        "decided to",
        "Since the start of the war in 2022, Allies have more than doubled the number of air defence batteries in the"
        " east.",
        None,
    ),
    # a new centre serving as a hub is a step; a venue's later use describes the place
    (
        "The new training centre will serve as a hub for Allied forces in the region.",
        "commitment",
        "a force or programme will (do)",
        "The venue, a congress centre on the edge of the city, was built for the summit and will later serve as a"
        " concert hall.",
        None,
    ),
    # troops sent to an exercise are a deployment; an official sent to a summit is attendance
    (
        "Serbia sent its troops to the exercise in Hungary.",
        "commitment",
        "step up / deploy (news of an action)",
        "Japan sent a deputy foreign minister to the summit as an observer.",
        None,
    ),
    # an approval expected is a plan; a decision expected "on" something is still open
    (
        "Ministers are expected to approve the new air defence plan next month.",
        "commitment",
        "plan to / intend to",
        "Finance ministers are expected to decide in June on the use of frozen assets.",
        None,
    ),
    # a fronted "Concerned that ..." leaves the main clause's call its news; a worry as the predicate is a concern
    (
        "Concerned that Europe depends on imported shells, ministers called for a joint order of ammunition.",
        "commitment",
        "call for",
        "Ministers are concerned that Russia has doubled its production of shells.",
        "concern",
    ),
    # systems sent are news of an action; a relative clause's past perfect is what was done before
    (
        "Italy and Spain have sent several of their own systems to Ukraine.",
        "commitment",
        "step up / deploy (news of an action)",
        "Norway, which had sent two frigates to the region last year, described the lack of escorts as a serious"
        " problem.",
        "concern",
    ),
    # a request with its reason in a trailing "arguing that" keeps its call; the adversary's move alone is none
    (
        "Warsaw asked Allies to send more fighter jets, arguing that Russian forces have moved closer to the border.",
        "commitment",
        "asked for / requested (an actor's call for action)",
        "Officials noted that Belarusian forces have moved closer to the border.",
        None,
    ),
    # a pledge followed by the noun's history in a trailing relative keeps its news; the history alone is none
    (
        "Bulgaria will continue its mine countermeasures group, which has cleared dozens of mines since it was set up"
        " in 2024.",
        "commitment",
        "will (do)",
        "The mine countermeasures group was set up in 2024 and has cleared dozens of mines.",
        None,
    ),
    # a step-up in a trailing relative clause is news of an action; with a past starting point it is the noun's history
    (
        "Ministers discussed the Russian threat to the Baltic states, which have expanded their air defences this"
        " month.",
        "commitment",
        "step up / deploy (news of an action)",
        "The officials also discussed China's missile programme, which has expanded rapidly over the past five years.",
        None,
    ),
    # a named NATO activity's task ahead is a commitment, as an operation's; an adversary's activity is a forecast
    (
        "The Eastern Sentry activity, which began in September, will continue with jets from France and Denmark.",
        "commitment",
        "the Baltic Sentry activity will continue",
        "Russian submarine activity, which fell after 1991, will continue to rise.",
        None,
    ),
    # round on blind set 102 (s18-prose102): a need stated is a priority; "may have to" is hypothetical
    (
        "Allies need to reconsider their stock targets.",
        "priority",
        "need to / have to",
        "If industry cannot deliver faster, Allies may have to reconsider their stock targets.",
        None,
    ),
    # a partner's warning is a concern; an adversary's office named by a possessive "said ... and warned" is its words
    (
        "Japan's foreign ministry said that the drills were routine and warned against Chinese pressure on Taiwan.",
        "concern",
        "warn",
        "China's foreign ministry said that NATO should stay out of Asia and warned against bloc confrontation.",
        None,
    ),
    # a pledge before a dated passive relative keeps its news; the history alone is none
    (
        "Romania and Bulgaria said that they will continue their joint mine countermeasures group, which was set up in"
        " 2024, until the end of the war.",
        "commitment",
        "will (do)",
        "The joint mine countermeasures group was set up in 2024 to clear mines in the Black Sea.",
        None,
    ),
    # support offered is a pledge; support not offered, in the passive, is none
    (
        "Moldova was offered a new package of support.",
        "commitment",
        "pledged",
        "Georgia, by contrast, was not offered new support.",
        None,
    ),
    # a request made is a call for action; a request disowned is none
    (
        '"We are asking Allies to send more air defence systems," the minister said.',
        "commitment",
        "asked for / requested",
        '"We are not asking to join NATO," the Australian minister said.',
        None,
    ),
    # a centre an Ally will host is a pledge; a summit named with its host in a relative clause is a future meeting
    (
        "Poland will host a new training centre that Allies will fund.",
        "commitment",
        "will (do)",
        "Ambassadors met to prepare the summit that Türkiye will host in July.",
        None,
    ),
    # a polite frame of speech leaves the announcement its pledge; what an actor would like to do is a wish
    (
        "I would like to announce that Norway will send two frigates.",
        "commitment",
        "will (do)",
        "The EU said that it would like to sign a new declaration with NATO.",
        None,
    ),
    # an open question after ", but" leaves the first clause its decision and blocks its own
    (
        "Allies agreed to buy more interceptors, but it is unclear when they will arrive.",
        "commitment",
        "agreed to",
        "The talks went well, but it is not certain that all Allies will agree to the plan.",
        None,
    ),
    # round on blind set 106: a report of what a briefing highlighted names a priority; "This briefing highlights the
    # value of" in the present is the writer's comment on the occasion
    (
        "The briefing highlighted the need for more interoperable radios.",
        "priority",
        "importance of / need for",
        "This briefing highlights the value of the Partnership for Peace.",
        None,
    ),
    # a step told as this week's news is a commitment; the same kind of step dated last year is background
    (
        "Norway sent two frigates to the Baltic this week.",
        "commitment",
        "step up / deploy",
        "The NATO Innovation Fund, which is supported by 24 Allies, invested in four companies last year.",
        None,
    ),
    # a request for a concrete action is a call; a request about the terms of a deal is a position in the talks
    (
        "Kyiv asked Allies for more air defence systems.",
        "commitment",
        "asked for / requested",
        "Madrid and Bratislava had asked for more flexibility on the timeline, according to diplomats.",
        None,
    ),
    # an official sent somewhere to act keeps the plan; an official sent in another's place is who attends
    (
        "Seoul is set to send its foreign minister to Kyiv to sign a deal.",
        "commitment",
        "plan to / intend to",
        "Seoul is set to send its foreign minister instead of the President.",
        None,
    ),
    # the seed voice's "In this digital era": a harm named is a concern; only a speed of spreading is the era's way
    (
        "In this digital era, false information can spread within minutes and undermine trust in democratic"
        " institutions.",
        "concern",
        "threatens / undermines",
        "In this digital era, terrorist propaganda spreads quickly on social media.",
        None,
    ),
    # a delegation speaks for its country: its call is one; its thanks are not
    (
        "The head of the Ukrainian delegation asked Allied parliaments to approve the use of frozen Russian assets.",
        "commitment",
        "asked for / requested",
        "The head of the Ukrainian delegation thanked the Assembly for its support.",
        None,
    ),
    # session 19: an adversary's step-up in a clause saying why or when the Allies act blocks no pledge; as a noun
    # after a possessive it is no news of the adversary's either
    (
        "Allies agreed to increase air patrols, after Russia increased its attacks last year.",
        "commitment",
        "agreed to / agreed on",
        "Russia's Northern Fleet has increased its activity near Norway.",
        "concern",
    ),
    (
        "NATO leaders agreed to strengthen air defence in response to Russia's increased missile attacks.",
        "commitment",
        "agreed to / agreed on",
        "Russia increased its attacks on Ukrainian energy infrastructure.",
        "concern",
    ),
    # session 19: an adversary's announcement ends with its clause: the Allies' verb after ", and" is their own
    (
        "Russia has increased its attacks, and Allies agreed to send more air defence to Ukraine.",
        "commitment",
        "agreed to / agreed on",
        "Russia has increased its attacks and announced that it will send more troops to Belarus.",
        "concern",
    ),
    # ---- round on blind set 107 (s19-prose107) ----
    # a decision at an undated meeting after a lead-in is news; dated with its year, it is recalled
    (
        "Quick reminder: at the Madrid summit, leaders agreed to raise the number of troops at high readiness.",
        "commitment",
        "agreed to",
        "Quick reminder: at the Madrid summit in 2022, leaders agreed to raise the number of troops at high readiness.",
        None,
    ),
    # ... and what was agreed then to matter is recalled too
    (
        "At their summit in Vilnius, Allies agreed that spending 2 percent of GDP on defence should be a floor.",
        "priority",
        "stressed that X must be done",
        "At their summit in Vilnius in 2023, Allies agreed that spending 2 percent of GDP on defence should be"
        " a floor.",
        None,
    ),
    # a launch dated with its month only is news; with its month and year in front, history
    (
        "In January, NATO launched Baltic Sentry to protect undersea cables.",
        "commitment",
        "launch",
        "In January 2025, NATO launched Baltic Sentry to protect undersea cables.",
        None,
    ),
    # a pledge of this year is news; of last year, fronted, recalled
    (
        "This year, Allies pledged to spend more on air defence.",
        "commitment",
        "pledged",
        "At their summit last year, allies pledged to spend more on air defence.",
        None,
    ),
    # a pseudo-cleft naming the step agreed is news of it; one ending in a verdict is commentary
    (
        "What they agreed on was a plan to double air defence on the eastern flank.",
        "commitment",
        "agreed to",
        "What they did agree on was more modest, and arguably more useful.",
        None,
    ),
    # an agreement reached on how is news; one still to be reached on how long is an open question
    (
        "Allies agreed on how to share the costs of the new radars.",
        "commitment",
        "agreed to",
        "Second, allies should agree on how long they would keep air defence systems in Ukraine.",
        None,
    ),
    # Allies' step about a report is a pledge; what a report found is its finding
    (
        "Allies agreed to publish the report on interceptor stocks by the summit.",
        "commitment",
        "agreed to",
        "A report found that Allied stocks would grow faster than planned.",
        None,
    ),
    # a threat named with two qualities, opened by a quote, is a concern; a partner so named is none
    (
        'The Secretary General says Russia "remains the most significant and direct threat" to allies.',
        "concern",
        "remains the most significant and direct threat",
        "Norway is a close and reliable partner.",
        None,
    ),
    # stocks that would last too short a time are a shortfall; a deployment's length is its plan
    (
        "Europe's stocks of interceptors would last less than two weeks in a war.",
        "concern",
        "stocks would last less than two weeks",
        "The deployment will last six months.",
        "commitment",
    ),
    # a question about what worries the speaker, answered by naming it, is a concern; another question's answer is none
    (
        "Asked what worries him most, he pointed to the jamming of satellite signals over the Baltic Sea.",
        "concern",
        "Asked what worries him most",
        "Asked what he discussed, he pointed to the jamming of satellite signals over the Baltic Sea.",
        None,
    ),
    # a work reported with its end date is a plan; one finished, dated, is history
    (
        "He said the new fortifications would be finished by 2028.",
        "commitment",
        "would be finished by 2028",
        "He said the new fortifications were finished in 2024.",
        None,
    ),
    # aircraft named by their type, with their task ahead, are a deployment; their worth in a critic's words is none
    (
        "Four Typhoons from the base will deploy to Poland in September.",
        "commitment",
        "four Typhoons will deploy",
        "Critics said that the Typhoons would be no match for modern air defences.",
        None,
    ),
    # leaders expected to agree, in a relative clause after the summit's name, are the news; ministers expected to
    # discuss there are the summit's agenda
    (
        "Follow our coverage of the summit in Ankara, where leaders are expected to agree on a new plan for air"
        " defence.",
        "commitment",
        "agreed to",
        "Follow our coverage of the summit in Ankara, where ministers are expected to discuss the budget.",
        None,
    ),
    # round on blind set 109: a signing told with its day is news; one dated with its year is history
    (
        "The EU and NATO signed a new joint declaration on Thursday.",
        "commitment",
        "approve / adopt / endorse",
        "The EU and NATO signed their third joint declaration in January 2023.",
        None,
    ),
    # a year that dates the step approved is no history
    (
        "Allies approved a plan to buy new tanker aircraft in 2027.",
        "commitment",
        "plan to",
        "Allies adopted the new concept in 2022.",
        None,
    ),
    # a body named back by "It" recommends an actor's step; a recommendation to readers is none
    (
        "It also recommends that the United Kingdom buy additional air defence systems.",
        "commitment",
        "It also recommends that",
        "It also recommends that readers compare the two reports.",
        None,
    ),
    # round on blind set 110: a transcript's question turn speaks for the reporter; the answer for the speaker
    (
        "Secretary General: Germany will send two more Patriot systems.",
        "commitment",
        "will (do)",
        "Question (Reuters): Germany will send two more Patriot systems.",
        None,
    ),
    # a preambular recall opening the clause is background; a trailing "recalling that" keeps the decision
    (
        "Allies agreed to establish a new centre, recalling that cables are vulnerable.",
        "commitment",
        "agreed to",
        "Recalling the decision taken by Allies at the Vilnius Summit to establish a new centre;",
        None,
    ),
    # a call for the step is a commitment; a call only to consider it is not
    (
        "The Assembly encourages Allies to buy cable repair ships together.",
        "commitment",
        "call for",
        "Encourages Allies to consider the joint ownership of cable repair ships;",
        None,
    ),
    # a review put off to a later meeting is that meeting's business; a step agreed beside it stays
    (
        "Ministers agreed to review the posture at their next meeting and to deploy more ships.",
        "commitment",
        "agreed to",
        "Ministers agreed to review progress at their next meeting in June.",
        None,
    ),
    # a need that names what is needed is a priority; a bare "we need to do more" names nothing
    (
        "We need to do more to protect our critical infrastructure.",
        "priority",
        "we must / we need",
        "But we need to do more, and faster.",
        None,
    ),
    # a meeting named between "ended" and "with the adoption of" is still a closing decision; a press conference none
    (
        "Leaders ended their two-day meeting in Tirana on Wednesday with the adoption of a summit declaration.",
        "commitment",
        "ended their two-day meeting with the adoption",
        "Leaders ended their two-day meeting in Tirana on Wednesday with a press conference.",
        None,
    ),
    # partners invited to take part in an exercise is a step planned; an invitation to a dinner a schedule
    (
        "Partners will also be invited to take part in NATO's annual cyber defence exercise in November.",
        "commitment",
        "Partners will be invited to take part",
        "Partners will also be invited to take part in the summit dinner.",
        None,
    ),
    # round on blind set 111: the domestic opposition's call is not an actor's; a government's is
    (
        "The government called for more money for the territorial defence forces.",
        "commitment",
        "call for",
        "Politicians of the opposition party called for more money for the territorial defence forces.",
        None,
    ),
    # an actor's concern about the opposition's plight stays; the opposition's own warning is no actor's
    (
        "Allies expressed concern about the arrests of opposition politicians and journalists.",
        "concern",
        "expressed concern",
        "The opposition warned that the arrests of journalists are a threat to democracy.",
        None,
    ),
    # a decision of a country named, criticised, is a concern; the story's own government criticised at home is none
    (
        "Allies criticised the Georgian government for the crackdown on protesters.",
        "concern",
        "condemn",
        "The Coalition criticised the Prime Minister's decision not to attend the summit.",
        None,
    ),
    # "should" + a step is a call; "should have" + a participle a reproach
    (
        "The minister said that the government should ask parliament first.",
        "commitment",
        "must / should",
        "The minister said that the government should have asked parliament first.",
        None,
    ),
    # a trailing time clause counting from an earlier decision leaves the news before it; a pledge counted from is none
    (
        "Allies agreed on Monday to double the patrols, a year after they decided to set up the mission.",
        "commitment",
        "agreed to",
        "The brigade is now at full strength, more than two years after Ottawa promised to expand it.",
        None,
    ),
    # "would send" reported is a pledge; "would accept" a stance
    (
        "Romania would send two more ships to the Black Sea, the minister said.",
        "commitment",
        "will (do)",
        "Romania would accept a bigger NATO naval presence in the Black Sea.",
        None,
    ),
    # a budget to be adopted is a decision; one to be debated, the session to come
    (
        "The budget will be adopted by parliament in September.",
        "commitment",
        "will be expanded",
        "The budget will be debated in parliament in September.",
        None,
    ),
    # a protocol signed on a day is news; one dated with its year, history
    (
        "The three ministers signed on Monday in Bucharest a protocol for continuing the task group.",
        "commitment",
        "signed a protocol",
        "The three ministers signed the accession protocol in July 2022.",
        None,
    ),
    # "called both sides to" + a verb is a call; "to the table" names a meeting
    (
        "The commander called both sides to avoid any escalation.",
        "commitment",
        "called both sides to",
        "The commander called both sides to the negotiating table.",
        None,
    ),
    # an actor answering the opposition keeps its pledge; the opposition's own words about it are no statement
    (
        "Responding to opposition criticism, the minister said Poland will buy more tanks.",
        "commitment",
        "will (do)",
        "The opposition said Poland will buy too few tanks.",
        None,
    ),
    # round on blind set 113: a share of money "is to be devoted to" a use is a pledge; a session devoted to a topic
    # is a schedule
    (
        "Furthermore, an additional 1.5 percent of GDP is to be devoted to resilience and infrastructure.",
        "commitment",
        "an additional 1.5 percent of GDP is to be devoted",
        "The second session will be devoted to cyber defence.",
        None,
    ),
    # a body's creation that dates a yardstick ("since the programme was created") is no launch; a step agreed before
    # such a clause keeps its kind
    (
        "Participants acknowledged that Russia's war against Ukraine poses the most serious threat to European security"
        " since the programme was created.",
        "concern",
        "is a threat",
        "Allies agreed to double the fund for the first time since it was created.",
        "commitment",
    ),
    # a harm "created" is no body set up; a body created is
    (
        "Ministers acknowledged that the melting of the ice creates new vulnerabilities along the coast.",
        "concern",
        "the melting of the ice creates new vulnerabilities",
        "Ministers agreed to create a new cell to watch the coast.",
        "commitment",
    ),
    # ... and it is a concern; a purpose "to create" opportunities is not
    (
        "The melting of the ice creates new vulnerabilities along the northern coasts.",
        "concern",
        "the melting of the ice creates new vulnerabilities",
        "Allies set up a task force to create new opportunities for industry.",
        "commitment",
    ),
    # an opening told with its day is news; one dated with its year and what it has become since is history
    (
        "Japan opened its own mission to NATO on Monday.",
        "commitment",
        "launch",
        "Japan opened its own mission to NATO in 2018, which has become an important channel for daily contacts.",
        None,
    ),
    # a threat made harder to detect is a concern; a task made easier is none
    (
        "Participants acknowledged that artificial intelligence makes disinformation cheaper, faster and harder"
        " to detect.",
        "concern",
        "makes disinformation harder to detect",
        "The new platform makes it easier to share data between Allies.",
        None,
    ),
    # a driver of radicalisation named is a concern; root causes discussed are a topic
    (
        "Online propaganda remains one of the main drivers of radicalisation among young people.",
        "concern",
        "remains one of the main drivers of radicalisation",
        "The root causes of radicalisation were discussed at length.",
        None,
    ),
    # what makes a region more vulnerable to a harm names a threat; what makes the Alliance less vulnerable none
    (
        "Climate change and food insecurity are making the region more vulnerable to extremism.",
        "concern",
        "are making the region more vulnerable to extremism",
        "The new radars will make the Alliance less vulnerable to surprise attacks.",
        None,
    ),
    # round on blind set 115: steps named back with "the" and foretold an effect are commentary; the steps launched
    # are a commitment
    (
        "The initiatives will be launched next year.",
        "commitment",
        "will be expanded",
        "The initiatives are expected to reduce the time needed to detect and respond to attacks.",
        None,
    ),
    # a standard (a text Allies draw up) to be published is a commitment; figures to be published are a schedule
    (
        "In addition, a new standard for sustainable military fuels will be published by the end of the year.",
        "commitment",
        "a new standard will be published",
        "The figures will be published next week.",
        None,
    ),
    # ---- round on blind set 114 (s20-prose114) ----
    # a future passive endorsement is news; a relative clause's endorsement dated at a summit is history
    (
        "The plan will be endorsed by leaders at the summit in 2027.",
        "commitment",
        "will be expanded",
        "Allies met to take stock of the Defence Production Action Plan, which was endorsed by Allied leaders at the"
        " Summit in The Hague in 2025.",
        None,
    ),
    # an Ally's ministry buying a firm's tanks commits; a firm behind its country's possessive does not
    (
        "Germany's defence ministry will buy Rheinmetall tanks.",
        "commitment",
        "will (do)",
        "South Korea's Hanwha Aerospace said it would open a missile plant in Poland together with a Polish partner.",
        None,
    ),
    # opening a new centre is a launch; opening a year's edition of a programme is a ceremony
    (
        "The Secretary General opened a new NATO test centre in Tallinn.",
        "commitment",
        "launch",
        "The Deputy Secretary General opened the 2026 challenge programme of DIANA in Tallinn.",
        None,
    ),
    # deliveries planned for a date are a commitment; deliveries that were planned and slipped are none
    (
        "The first deliveries are planned for early 2027.",
        "commitment",
        "the first deliveries are planned for",
        "Deliveries were planned for 2024 but slipped.",
        None,
    ),
    # a threat brought to the doorstep is a concern; talks that brought both sides closer name none
    (
        "\"Russia's war against Ukraine has brought the threat to our doorstep,\" the Secretary General said.",
        "concern",
        "has brought the threat to our doorstep",
        "The talks brought both sides closer to a deal.",
        None,
    ),
    # a crucial component of something is a priority; critical components (parts) are no topic, the risk a concern
    (
        "Energy security was described as a crucial component of resilience.",
        "priority",
        "main topics / key issue",
        "The Assistant Secretary General warned that dependence on a single supplier for some critical components"
        " poses a risk.",
        "concern",
    ),
    # an Ally that joined a procurement commits; others that "can join" have only the possibility
    (
        "Sweden joined the joint procurement of 155mm ammunition.",
        "commitment",
        "joined a new initiative",
        "Other Allies can join the framework at any time, NSPA said.",
        None,
    ),
    # round on blind set 116: a debate's counted speaker argues a view; a named actor's argument is a call
    (
        "The Secretary General argued that Allies should invest more in air defence.",
        "commitment",
        "must / should",
        "One member argued that Canada should station more troops in Latvia.",
        None,
    ),
    # round on blind set 116: a hope with its subject named at once is a hope, not what anyone will do
    (
        "Ministers said Allies will remain engaged in the region.",
        "commitment",
        "will (do)",
        "All four speakers said they hoped Washington would remain engaged.",
        None,
    ),
    # round on blind set 116: what an outcome depends on is an open question
    (
        "Germany and France agreed on a joint approach to long-range missiles.",
        "commitment",
        "agreed to",
        "Much depends on whether Germany and France can agree on a joint approach to long-range missiles.",
        None,
    ),
    # round on blind set 116: what observers expected is their forecast, not an actor's plan
    (
        "Allies are expected to agree on a new spending target at the summit.",
        "commitment",
        "agreed to",
        "Leaders met for a summit that many observers had expected to agree on a new spending target.",
        None,
    ),
    # round on blind set 116: a parliament's members calling on their own government are no Ally's pledge
    (
        "The government called on Allies to publish their defence investment plans.",
        "commitment",
        "call for",
        "Opposition members called on the government to publish a full defence investment plan.",
        None,
    ),
    # round on blind set 118 (edited in place): "NATO opened ... in 2023" is history; the same launch this week is news
    (
        "NATO opened a new Arctic planning cell in Norway this week.",
        "commitment",
        "launch",
        "NATO opened a small Arctic planning cell in Norway in 2023.",
        None,
    ),
    # round on blind set 118: an adversary's speaker named between office and verb speaks for the adversary
    (
        "German Defence Minister Boris Pistorius said Germany will send a Patriot battery to Poland.",
        "commitment",
        "will (do)",
        "Kremlin spokesman Dmitry Peskov called the decision a provocative step and a threat to Russia.",
        None,
    ),
    # round on blind set 118: a "legitimate target" warning is a threat issued, not a threat the Allies face
    (
        "Allies condemned Moscow's claim that power plants are legitimate targets.",
        "concern",
        "condemn",
        "Foreign Minister Sergei Lavrov warned that any Western instructors in Ukraine would be a legitimate target.",
        None,
    ),
    # round on blind set 118: a junior envoy "sent only" to talks is who attended; a force sent is a deployment
    (
        "Norway sent only two frigates to the exercise.",
        "commitment",
        "step up / deploy",
        "Washington sent only a deputy assistant secretary to the talks.",
        None,
    ),
    # round on blind set 118: who is invited to a summit is its guest list; an invitation to join is a decision
    (
        "NATO will invite Sweden to join the Alliance.",
        "commitment",
        "will (do)",
        "NATO will invite the leaders of the four Indo-Pacific partners to its summit in July.",
        None,
    ),
    # round on blind set 118: what a new office "would help" those concerned do is its effect; an actor helping is news
    (
        "NATO will help Turkey, Romania and Bulgaria expand their mine-clearing mission.",
        "commitment",
        "will (do)",
        "The Secretary General said the office would help Allies and partners work more closely together.",
        None,
    ),
    # round on blind set 118: an explainer's "Here is what" points at what follows; "Here," is a place
    (
        "Here, ministers decided to open a new centre for space operations.",
        "commitment",
        "decided to",
        "Here is what they decided, and what they left open.",
        None,
    ),
    # round on blind set 118: what announced money will pay for is a plan; an open question about it is none
    (
        "The money will pay for two new Arctic patrol ships, he said.",
        "commitment",
        "the money will pay for",
        "Nobody knows what the money will pay for.",
        None,
    ),
    # round on blind set 118: a deadline set ("must be ready by 2027"); without a date it is a need
    (
        "The brigade must be fully operational by the end of 2027.",
        "commitment",
        "the first new units must be ready by 2027",
        "The brigade must be fully operational by the time it is needed.",
        "priority",
    ),
    # round on blind set 118: an Ally's possessive priority is a priority; an adversary's is none
    (
        "Support for Ukraine is Norway's most important security policy priority.",
        "priority",
        "is Norway's most important",
        "Sabotage in Europe is Russia's most important intelligence priority.",
        None,
    ),
    # round on blind set 117: praise coordinated after a pledge is a clause of its own; praise alone stays praise
    (
        "The Secretary General pledged support for Ankara’s efforts to secure its border and thanked Türkiye.",
        "commitment",
        "affirmed commitment to",
        "The Secretary General praised Ankara’s efforts to secure its border and thanked Türkiye.",
        None,
    ),
    # round on blind set 117: an opening highlighting an importance is the writer's comment; participants' a priority
    (
        "Ministers highlighted the growing importance of climate change for the security of the Alliance.",
        "priority",
        "importance of / need for",
        "This opening highlights the growing importance of climate change for the security of the Alliance.",
        None,
    ),
    # round on blind set 117: the lessons an exercise will provide are an effect foretold; a thing provided is a step
    (
        "NATO will provide training to Iraqi officers in Baghdad next year.",
        "commitment",
        "will (do)",
        "The exercise will provide valuable lessons for the defence of the Alliance’s northern flank.",
        None,
    ),
    # round on blind set 117: results to be presented to a committee are a report to come; a new plan presented is news
    (
        "A new plan for military mobility will be presented in the coming months.",
        "commitment",
        "a force or programme will (do)",
        "The results of the exercise will be presented to the Military Committee in the autumn.",
        None,
    ),
    # round on blind set 117: what a body's work is expected to strengthen is an effect; its start is a plan
    (
        "The work of the new task force is expected to start in June.",
        "commitment",
        "a force or programme will (do)",
        "The work of the centre is expected to strengthen the resilience of Allied forces and infrastructure.",
        None,
    ),
    # round on blind set 117: a future training course is planned as an exercise is; a past one is history
    (
        "In addition, Albanian and Montenegrin officers will take part in a new NATO training course.",
        "commitment",
        "will take part in a new NATO training course",
        "Albanian and Montenegrin officers took part in a NATO training course on crisis management last year.",
        None,
    ),
    # round on blind set 117: a goal of an action reaffirmed is a commitment; a goal discussed is a topic
    (
        "Allies reaffirmed their goal of cutting the greenhouse gas emissions of NATO’s structures by 2030.",
        "commitment",
        "reaffirmed their goal of cutting",
        "Ministers discussed their goal of cutting the greenhouse gas emissions of NATO’s structures by 2030.",
        None,
    ),
    # round on blind set 117: emphasis placed on a topic is a priority; little emphasis is none
    (
        "Several ministers placed emphasis on the need to counter corruption and organised crime.",
        "priority",
        "placed emphasis on",
        "The draft strategy placed little emphasis on the protection of civilians.",
        None,
    ),
    # round on blind set 117: one of a body's priorities named with its possessive; an adversary's priorities are not
    (
        "The protection of coastal bases against rising sea levels was named as one of the centre’s priorities.",
        "priority",
        "was named as one of the centre's priorities",
        "Control of the Arctic sea routes is one of Russia’s priorities.",
        None,
    ),
    # round on blind set 117: a strain placed on forces names a challenge; a burden shared is a step
    (
        "Leaders recognise that rising temperatures, droughts and floods are placing new strain on forces.",
        "concern",
        "are placing new strain on forces",
        "Allies agreed to share the burden of air defence more fairly.",
        "commitment",
    ),
    # round on blind set 121: a step up this week is news; a step up since a year long past is a trend told
    (
        "Türkiye has doubled its ammunition production this year, officials noted.",
        "commitment",
        "step up / deploy (news of an action)",
        "Türkiye's defence industry has doubled its exports since 2023, officials noted.",
        None,
    ),
    # round on blind set 121: a shortfall of forces analysts name is a concern; what they find a text lacks is a verdict
    (
        "Analysts say the brigade still lacks air defence and spare parts.",
        "concern",
        "lacks the equipment (a shortfall named)",
        "Analysts say the strategy is more ambitious than its predecessor but lacks dedicated funding.",
        None,
    ),
    # round on blind set 121: a bulletin's label, then a force that will act; a meeting after the label is none
    (
        "Key outcomes: the group will be led by a Norwegian frigate and will include ships from Denmark.",
        "commitment",
        "Key outcomes: the group will be led by",
        "Key outcomes: the group will meet again in May.",
        None,
    ),
    # round on blind set 121: the growing threat of a hostile act named is a concern; a growing number names none
    (
        "The growing threat of Russian cyber operations against military networks was a recurring theme of the talks.",
        "concern",
        "the growing threat of cyber operations",
        "The growing number of start-ups in the defence sector was a recurring theme of the talks.",
        None,
    ),
    # session 22, guard set 127's class 1: what a summit showed of the Alliance is a wrap-up; a warning stays a concern
    (
        "Overall, ministers warned of the challenges of a more dangerous world.",
        "concern",
        "warn",
        "All in all, the summit showed an Alliance ready to face the threats of a more dangerous world.",
        None,
    ),
    # session 22, guard set 127's class 1: the threat inside a wrap-up is no one's concern
    (
        "Leaders said the Alliance faces the most dangerous security environment in decades.",
        "concern",
        "the most dangerous security environment",
        "Taken together, the two days showed a NATO determined to meet the most dangerous security "
        "environment in decades.",
        None,
    ),
    # session 22, guard set 127's class 2: what a seminar examined is a topic; a warning that it is done is a concern
    (
        "Ministers warned that Russia uses disinformation to undermine democratic institutions.",
        "concern",
        "warn",
        "The seminar examined how Russia uses disinformation to undermine democratic institutions.",
        None,
    ),
    # session 22, guard set 127's class 2: what a workshop explored is a topic; officials' word is a concern
    (
        "Officials said Russian cyber operations threaten critical infrastructure across Europe.",
        "concern",
        "threatens / undermines",
        "The workshop explored how Russian cyber operations threaten critical infrastructure across Europe.",
        None,
    ),
    # session 22, guard set 127's class 3: a closing call for a step is one; a call for vigilance asks no step
    (
        "The forum ended with a call for greater investment in air defence.",
        "commitment",
        "call for",
        "The summit ended with a call for constant vigilance.",
        None,
    ),
    # session 22, guard set 127's class 3: a call for more air defence is a step; for heightened alertness, none
    (
        "Ministers called for more air defence along the eastern flank.",
        "commitment",
        "call for",
        "The Secretary General called for heightened alertness across the Alliance.",
        None,
    ),
    # session 22, guard set 127's class 4: what a membership has done is background; a step this year is news
    (
        "NATO has strengthened its presence in the Baltic Sea this year.",
        "commitment",
        "step up / deploy",
        "Sweden's membership has significantly bolstered the Alliance's presence in the Baltic Sea.",
        None,
    ),
    # session 22, guard set 127's class 4: what an accession reinforced is background; Allies' reinforcing is news
    (
        "Allies have reinforced their air defences along the eastern flank.",
        "commitment",
        "step up / deploy",
        "The accession of Finland has reinforced NATO's northern flank.",
        None,
    ),
    # session 22, guard set 127's class 5: a topic discussed, judged a threat in a relative clause: a concern
    (
        "Ministers discussed Russia's growing nuclear arsenal, which they described as a grave threat to the Alliance.",
        "concern",
        "is a threat",
        "Ministers discussed Russia's growing nuclear arsenal, which they described as a topic for the next meeting.",
        None,
    ),
    # session 22, guard set 127's class 5: a topic covered, called a threat: a concern; called a subject: none
    (
        "The talks covered Iran's missile programme, which the Secretary General called a serious threat to "
        "European security.",
        "concern",
        "is a threat",
        "The talks covered Iran's missile programme, which the Secretary General called a subject for the "
        "next session.",
        None,
    ),
    # session 22, guard set 127's class 5: a focus called a serious concern: a concern; an important topic: none
    (
        "Discussions focused on the growing Chinese presence in the Arctic, which the minister called a "
        "serious concern for the Alliance.",
        "concern",
        "key concern",
        "Discussions focused on the growing Chinese presence in the Arctic, which the minister called an "
        "important topic for the Alliance.",
        None,
    ),
    # session 23, guard set 129's class 1: what ministers made clear at a meeting is theirs; through it, a wrap-up
    (
        "At the meeting, ministers made clear that the threats from the south cannot be ignored.",
        "concern",
        "threat from / posed by",
        "Through this meeting, the Allies made clear that the threats from the south cannot be ignored by the "
        "Alliance.",
        None,
    ),
    # session 23, guard set 129's class 1: a warning names a threat; what a conference made clear is a wrap-up
    (
        "Allies warned that the threats posed by terrorism cannot be ignored.",
        "concern",
        "threat from / posed by",
        "Through this conference, the participants made it clear that the dangers posed by terrorism cannot be "
        "ignored.",
        None,
    ),
    # session 23, guard set 129's class 1: ministers' pledge is a commitment; the message talks sent, a wrap-up
    (
        "Ministers made clear that they will deploy more troops to the eastern flank.",
        "commitment",
        "will (do)",
        "Through these talks, Allies sent a strong message that they will deploy more troops to the eastern flank.",
        None,
    ),
    # session 23, guard set 129's class 2: steadfast in a commitment is one; firm in an assessment names none
    (
        "Allies remain steadfast in their commitment to defend every inch of Allied territory.",
        "commitment",
        "remain committed / resolute",
        "NATO remains firm in its assessment of the security situation.",
        None,
    ),
    # session 23, guard set 129's class 2: "stay" as "remain"; steadfast with no commitment named is none
    (
        "Leaders stay unwavering in their commitment to collective defence.",
        "commitment",
        "remain committed / resolute",
        "Allies remained steadfast during the crisis.",
        None,
    ),
    # session 23, guard set 129's class 2: standing firm in a dedication is a pledge; firm in the face of threats, none
    (
        "The Alliance stands firm in its dedication to the defence of every Ally.",
        "commitment",
        "remain committed / resolute",
        "Allies stand firm in the face of threats.",
        None,
    ),
    # session 23, guard set 129's class 3: Allies' aim is a commitment; a visit's aim after a first predicate is none
    (
        "Allies aim to double production of artillery shells.",
        "commitment",
        "aim to",
        "The visit comes ahead of the summit and aims to prepare its main deliverables.",
        None,
    ),
    # session 23, guard set 129's class 3: ministers who met and aim to agree keep it; a trip that seeks to, none
    (
        "Ministers met in Brussels and aim to agree a new plan by June.",
        "commitment",
        "aim to",
        "The Secretary General's trip to Washington follows the ministerial and seeks to build support for the "
        "new targets.",
        None,
    ),
    # session 23, guard set 129's class 3: NATO's plan is a commitment; what a meeting is intended to prepare, none
    (
        "NATO plans to deploy more troops to the eastern flank.",
        "commitment",
        "plan to / intend to",
        "The meeting takes place in Vilnius and is intended to prepare the decisions of the summit.",
        None,
    ),
    # session 23, guard set 129's class 4: a topic that dominated is a priority; one expected to dominate, a forecast
    (
        "Support for Ukraine dominated the discussions.",
        "priority",
        "dominated the agenda",
        "Climate security and support for Ukraine are expected to dominate the discussions.",
        None,
    ),
    # session 23, guard set 129's class 4: Allies expected to agree is a step; topics likely to top the agenda, none
    (
        "Allies are expected to agree on new capability targets at the summit.",
        "commitment",
        "agreed to / agreed on",
        "Ukraine's needs and NATO's air defence are likely to top the agenda in Vilnius.",
        None,
    ),
    # session 23, guard set 129's class 4: NATO's intention is a plan; an Allied topic set to dominate is no plan
    (
        "NATO intends to deploy more air defence to the eastern flank.",
        "commitment",
        "plan to / intend to",
        "Allied air defence is set to dominate the talks.",
        None,
    ),
    # session 23, guard set 129's class 4: "set to top up" a fund is a plan; "set to headline" a meeting, a forecast
    (
        "Allies are set to top up the fund for Ukraine.",
        "commitment",
        "plan to / intend to",
        "The new NATO capability targets are set to headline the ministerial.",
        None,
    ),
    # round on blind set 120: what a visit reaffirms is the writer's comment; a speaker's reaffirmation is a pledge
    (
        "During the visit, the Minister reaffirmed Norway’s support for Ukraine.",
        "commitment",
        "affirmed commitment to",
        "The visit of the Deputy Secretary General reaffirms NATO’s steadfast support for a peaceful region.",
        None,
    ),
    # round on blind set 120: why a body convened is its purpose; a warning in its own words is a concern
    (
        "Ministers met in Brussels and warned of further Russian attacks on power plants.",
        "concern",
        "warn",
        "The NATO-Ukraine Council convened in Brussels to address Ukraine’s urgent need for air defence.",
        None,
    ),
    # round on blind set 120: a target an actor sets is a pledge; an adversary's target is none
    (
        "Leaders set a target of spending 3.5 percent of GDP on core defence by 2035.",
        "commitment",
        "set a target of cutting emissions by half",
        "Russia has set a target of producing four million shells a year.",
        None,
    ),
    # round on blind set 120: a target set now is a pledge; one set in a past year is history
    (
        "The host nation, Canada, set a target of cutting greenhouse gas emissions by half by 2030.",
        "commitment",
        "set a target of cutting emissions by half",
        "In 2014, Allies set a target of spending 2 percent of GDP on defence by 2024.",
        None,
    ),
    # round on blind set 120: a fronted "Central to the discussions was" is a priority; a place that is no talk is none
    (
        "Central to the discussions was the safety of commercial shipping.",
        "priority",
        "Central to the discussions was",
        "At the heart of the old town was the conference centre.",
        None,
    ),
    # round on blind set 120: an alarm sounded over a threat is a concern; a drill's alarm is none
    (
        "The President sounded the alarm over North Korean shipments of artillery shells to Russia.",
        "concern",
        "sounded the alarm over",
        "Sirens sounded the alarm at the start of the exercise.",
        None,
    ),
    # round on blind set 120: doubts raised about a weakness are a concern; questions about a history are none
    (
        "Participants raised questions about the vulnerability of undersea cables.",
        "concern",
        "raised questions about the vulnerability of",
        "Students raised questions about the history of the Alliance.",
        None,
    ),
    # round on blind set 120 (rule edited in place): a visit's past aim is its purpose; an actor's aim is a step
    (
        "NATO aims to build a common picture of activity in the Arctic by 2028.",
        "commitment",
        "aim to",
        "The visit aimed to deepen political dialogue and expand practical cooperation.",
        None,
    ),
    # round on blind set 123 (rule edited in place): a meeting named before a reported clause is not its subject
    (
        "Speaking to journalists after the meeting, Fidan stated that Türkiye will continue to contribute to the "
        "security of the Black Sea.",
        "commitment",
        "will (do)",
        "After the meeting, the minister said that the next summit will take place in Ankara.",
        None,
    ),
    # round on blind set 123 (rule edited in place): a hearing to come is a meeting; a pledge made at one is a pledge
    (
        "At the hearing, the minister said that Latvia will buy two more air defence batteries.",
        "commitment",
        "will (do)",
        "The next hearing on the budget will take place in November.",
        None,
    ),
    # round on blind set 123 (rule edited in place): a training event hosted is training; a consultation held a meeting
    (
        "Estonia will host a NATO counter-drone training event in Tapa in spring.",
        "commitment",
        "will (do)",
        "Both sides also agreed to hold the regular consultation on the defense industry every year.",
        None,
    ),
    # round on blind set 123 (rule edited in place): an exercise for Dialogue partners is an exercise; a consultation
    # hosted is a meeting
    (
        "Jordan will host a NATO crisis management exercise for Mediterranean Dialogue partners in October.",
        "commitment",
        "will (do)",
        "Finland will host a regular consultation of Nordic defence ministers in Helsinki next year.",
        None,
    ),
    # round on blind set 123 (rule edited in place): the opposition's voice runs on into its "saying that" clause
    (
        "Responding to opposition criticism, the minister said Poland will buy more tanks.",
        "commitment",
        "will (do)",
        "Opposition members called the government to present clear plan of spending, saying that money must be used "
        "transparently.",
        None,
    ),
    # round on blind set 123 (rule edited in place): a member's suggestion is one speaker's view; a minister's a call
    (
        "The minister argued that Allies should buy more air defence systems.",
        "commitment",
        "must / should",
        "A member of the Lithuanian delegation suggested that the Assembly should call for a permanent air defence "
        "mission in the Baltic states.",
        None,
    ),
    # round on blind set 123 (rule edited in place): "In our assessment" is the author's; a body's assessment is not
    (
        "In the Council's assessment, the Alliance should move faster on military mobility.",
        "commitment",
        "must / should",
        "In our assessment, the Alliance should move faster on military mobility.",
        None,
    ),
    # round on blind set 123: a force's step in a reported clause is a pledge; a force reviewed by a body is none
    (
        "Minister of National Defence Dovilė Šakalienė informed on Tuesday that the German 45th Panzer Brigade will "
        "reach full combat readiness in Rūdninkai until end of 2027.",
        "commitment",
        "informed that the brigade will reach",
        "The spokesman said that the exercise will be reviewed by the Military Committee.",
        None,
    ),
    # round on blind set 123: a call to named parties without its "on" is a call; a call to a table names a meeting
    (
        "The Secretary General called Belgrade and Pristina to continue with the EU-facilitated dialogue.",
        "commitment",
        "called Belgrade and Pristina to continue",
        "The minister called Belgrade and Pristina to the negotiating table in Brussels.",
        None,
    ),
    # round on blind set 123: an adversary that could attack is a threat; one that could negotiate names none
    (
        "Minister also said that in his opinion Russia could be ready to test NATO in next few years.",
        "concern",
        "Russia could be ready to test NATO",
        "Russia could be ready to negotiate with Ukraine next year.",
        None,
    ),
    # round on blind set 122: the Alliance's readiness to defend is a pledge; an adversary's readiness is none (in
    # its clause: "Russia is prepared to test our resolve" names the threat, a concern, below)
    (
        "These incidents show that the Alliance is prepared to defend every inch of its territory.",
        "commitment",
        "remain committed / resolute",
        "Officials say that Russia is prepared to wait for a better offer.",
        None,
    ),
    # round on blind set 122 (rule edited in place): an adversary about to test our resolve is a concern (its
    # readiness no longer a pledge); a noun "test of our resolve" stays none
    (
        "These incidents show that Russia is prepared to test our resolve.",
        "concern",
        "Russia is testing the Alliance's resolve",
        "A test of our resolve is coming this winter.",
        None,
    ),
    # round on blind set 122 (rule edited in place): sending frigates is a deployment; sending a message is none
    (
        "We are sending two more frigates to the Baltic Sea.",
        "commitment",
        "is deploying (an action under way)",
        "By reinforcing our presence in Latvia, we are sending a clear message to Moscow.",
        None,
    ),
    # round on blind set 122 (rule edited in place): advisers deployed are a step; advice presented to ministers is
    # a briefing to come
    (
        "The Military Committee will deploy its advisers to Kyiv in February.",
        "commitment",
        "will (do)",
        "The Military Committee will present its advice to Defence Ministers in February.",
        None,
    ),
    # round on blind set 122 (rule edited in place): a plan carried out before the next summit is a step; a review
    # at the next summit is that summit's business
    (
        "Allies will implement the Action Plan before their next Summit.",
        "commitment",
        "will (do)",
        "Allies will review the implementation of the Action Plan at their next Summit.",
        None,
    ),
    # session 22 (guard set 124's classes on other sentences): a fronted clause whose list holds commas, then a
    # comment on the meeting, is commentary; an actor's priority after such a clause stays one
    (
        "As cyber defence becomes more important, Allies agreed that it must remain a priority.",
        "priority",
        "is a priority",
        "As satellites become ever more essential for navigation, communication and early warning, the conference"
        " offered a timely forum for comparing national space strategies.",
        None,
    ),
    (
        "Secure supply chains are essential for defence production, ministers agreed.",
        "priority",
        "is essential / crucial / important",
        "As secure supply chains become ever more essential for shells, missiles and drones, this session provides a"
        " valuable platform for industry and governments.",
        None,
    ),
    # session 22: a meeting that "comes at a time when / as / amid" tells its backdrop; the step stated after it,
    # or without the frame, stays news
    (
        "The summit comes at a time when Allies are boosting their defence budgets, and Allies agreed to deploy two"
        " more brigades.",
        "commitment",
        "agreed to",
        "The summit comes at a time when Allies are boosting their defence budgets.",
        None,
    ),
    (
        "Allies are expanding their air defences on the eastern flank.",
        "commitment",
        "is deploying (an action under way)",
        "The conference comes as Allies are expanding their air defences on the eastern flank.",
        None,
    ),
    (
        "Russia is stepping up its attacks on Ukrainian energy infrastructure.",
        "concern",
        "an adversary steps up its activity",
        "The meeting came amid reports that Russia is stepping up its attacks on Ukrainian energy infrastructure.",
        None,
    ),
    # session 22: reporting or briefing to a body at a date is a briefing to come; "Allies will report" is not
    # "Allies will increase", and a report made every year or a new body's task in a relative clause stays
    (
        "Allies will increase their air defence stocks in June.",
        "commitment",
        "will (do)",
        "Allies will report on progress to defence ministers in June.",
        None,
    ),
    (
        "Each Ally will report annually on its progress in securing its ports.",
        "commitment",
        "will (do)",
        "Ministers will report on progress at the summit in July.",
        None,
    ),
    (
        "It was decided to set up a cell on drone defence, which will report to the Council in the autumn.",
        "commitment",
        "decided to",
        "The drone defence cell will report back to the Council in the autumn.",
        None,
    ),
    (
        "The task force will deploy new sensors to the Baltic Sea in June.",
        "commitment",
        "a force or programme will (do)",
        "The task force will present findings to defence ministers in June.",
        None,
    ),
    (
        "The Supreme Allied Commander will deploy two more brigades to the eastern flank in June.",
        "commitment",
        "will (do)",
        "The Supreme Allied Commander will brief Allies on the exercise in June.",
        None,
    ),
    (
        "NATO will update its action plan on climate and security by the summit.",
        "commitment",
        "will (do)",
        "The task force will update the Council on its progress next month.",
        None,
    ),
    # session 22: exploring the ground itself (deposits, mining sites, sources of raw materials) is the work;
    # exploring a step (the creation of, ways of, options for) weighs one
    (
        "Finland will explore new lithium deposits in Lapland to cut its reliance on imports.",
        "commitment",
        "will explore new lithium deposits",
        "NATO and Finland will explore the creation of a new centre for Arctic logistics.",
        None,
    ),
    (
        "Canada and Norway will look into new sources of critical raw materials in the Arctic.",
        "commitment",
        "will explore new lithium deposits",
        "Canada and Norway will look into ways of securing critical raw materials in the Arctic.",
        None,
    ),
    (
        "Sweden will explore new mining sites in the north to reduce its dependence on China.",
        "commitment",
        "will explore new lithium deposits",
        "Sweden will explore options for new mining sites in the north.",
        None,
    ),
    # round on blind set 126: an occasion that "highlights the lasting value of" is commentary whatever the
    # adjective; the participants who highlight it name a priority
    (
        "Ministers highlighted the lasting value of partnerships for Euro-Atlantic security.",
        "priority",
        "importance of / need for",
        "This gathering highlights the lasting value of partnerships for Euro-Atlantic security.",
        None,
    ),
    # round on blind set 126: a topic "raised" in the passive with no decision is no step; a level raised to a
    # figure stays news
    (
        "The readiness of Allied forces in Poland was raised to the highest level.",
        "commitment",
        "step up / deploy (news of an action)",
        "The participation of Türkiye in the exercise was raised at the meeting.",
        None,
    ),
    (
        "The participation of Türkiye and Cyprus in NATO-EU cooperation was raised, and a decision was announced.",
        "commitment",
        "announced (an actor's announcement)",
        "The participation of Türkiye and Cyprus in NATO-EU cooperation was raised, but no decision was announced.",
        None,
    ),
    # round on blind set 126: "named as essential" with no noun after the adjective is a priority; "named as
    # critical" alone is left out (a gap, not a priority)
    (
        "Cooperation with the United States and the Nordic Allies on Arctic surveillance was named as essential.",
        "priority",
        "named as critical (pillar, element)",
        "The shortage of interceptors was named as critical.",
        None,
    ),
    # session 22 (guard set 125's classes on other sentences, s22-guardfix2): a meeting that "took place / was held"
    # against a backdrop or amid something tells its context; the worry stated without the frame stays one
    (
        "Leaders expressed growing concern about attacks on undersea cables.",
        "concern",
        "expressed concern",
        "The meeting was held amid growing concern about attacks on undersea cables.",
        None,
    ),
    (
        "Allies warned of a new wave of sabotage and the spread of terrorist groups in Europe.",
        "concern",
        "warn",
        "The summit took place against the background of a new wave of sabotage and the spread of terrorist groups in"
        " Europe.",
        None,
    ),
    (
        "The summit took place against the backdrop of continued Russian aggression against Ukraine, which leaders"
        " condemned in the strongest terms.",
        "concern",
        "condemn",
        "The talks took place amid a surge of cyber attacks on European hospitals.",
        None,
    ),
    # an aim to be in a state ("better prepared", "more resilient") is a closing aim; an aim to do stays a commitment
    (
        "NATO aims to build a stockpile of 100,000 shells by 2028.",
        "commitment",
        "aim to",
        "With these steps, NATO aims to be better prepared for the next crisis, whatever its origin.",
        None,
    ),
    (
        "Through these measures, the Alliance aims to strengthen the resilience of its supply chains.",
        "commitment",
        "aim to",
        "Through these measures, the Alliance aims to become more resilient to shocks of every kind.",
        None,
    ),
    # the next of a recurring series scheduled to begin is calendar news; deliveries scheduled to begin stay
    (
        "Deliveries are scheduled to begin in the first half of 2027.",
        "commitment",
        "a force or programme will (do)",
        "The next rotation is scheduled to begin in April.",
        None,
    ),
    (
        "The next rotation will bring 300 more troops to Lithuania.",
        "commitment",
        "a force or programme will (do)",
        "The next phase of the training is due to start in May.",
        None,
    ),
    # a report to come with a date and no recipient is no step: "Allies will report" is not "Allies will increase"
    (
        "The Secretary General's Special Representative will increase the number of advisers in October.",
        "commitment",
        "will (do)",
        "The Secretary General's Special Representative will present the first progress report in October.",
        None,
    ),
    (
        "NATO will publish a new maritime strategy in October.",
        "commitment",
        "will (do)",
        "The task force will present its findings at the summit.",
        None,
    ),
    # an exercise planned at or off a place, however long its list of troops; a review of one is none
    (
        "A joint exercise with troops from Poland, Germany and Lithuania is planned at the Pabrade training area next"
        " spring.",
        "commitment",
        "future exercise or deployment",
        "A review of the exercise is planned at NATO headquarters.",
        None,
    ),
    (
        "A naval exercise with ships from Norway, Sweden and Denmark is planned off the coast of Norway next autumn.",
        "commitment",
        "future exercise or deployment",
        "Talks on a joint exercise are planned at the summit.",
        None,
    ),
    # an Ally that proposed closer / greater X proposes a step; a paper that did is no actor
    (
        "Spain and France proposed closer cooperation with the European Union on military mobility.",
        "commitment",
        "proposed that (an actor's proposal)",
        "The paper proposed closer cooperation with the European Union.",
        None,
    ),
    (
        "Italy proposed greater joint procurement of air defence systems.",
        "commitment",
        "proposed that (an actor's proposal)",
        "Italy discussed greater joint procurement of air defence systems.",
        None,
    ),
    # one of the weakest points / links is a weakness named; the strongest is none
    (
        "Experts agreed that the resilience of medical supply chains is one of the weakest points of Allied"
        " preparedness.",
        "concern",
        "the Achilles heel / a blind spot",
        "Experts agreed that air defence is one of the strongest points of Allied preparedness.",
        None,
    ),
    # publishing an assessment is a product delivered (tuned sets 14, 117); presenting a progress report is a briefing
    (
        "The new centre will publish its first assessment of supply-chain risks next year.",
        "commitment",
        "a force or programme will (do)",
        "The new centre will present its first progress report next year.",
        None,
    ),
    # the weakest point named by participants is a concern; in an analyst's belief it is commentary (set 113)
    (
        "Participants agreed that cyber hygiene is one of the weakest points of Allied preparedness.",
        "concern",
        "the Achilles heel / a blind spot",
        "Analysts say that cyber hygiene is one of the weakest points of Allied preparedness.",
        None,
    ),
    # stressed / underlined as crucial is a priority named in the passive; "stressed as much" is none
    (
        "Seamless integration of space capabilities was stressed as crucial for the future.",
        "priority",
        "named as critical (pillar, element)",
        "The minister stressed as much in his speech on space capabilities.",
        None,
    ),
    (
        "Interoperability was underlined as essential for deterrence.",
        "priority",
        "named as critical (pillar, element)",
        "Interoperability was underlined in the closing speech.",
        None,
    ),
    # round on blind set 128: "the" occasion that "highlights the importance of" in the present is commentary, as
    # "this" one; the participants who highlight it name a priority
    (
        "Ministers highlighted the growing importance of cyber defence for the Alliance.",
        "priority",
        "importance of / need for",
        "The exercise highlights the growing importance of cyber defence for the Alliance.",
        None,
    ),
    # round on blind set 128: a participle after a unit's noun describes where it is; an Ally that stationed it is news
    (
        "France has stationed an additional battlegroup in Romania.",
        "commitment",
        "step up / deploy (news of an action)",
        "The Secretary General paid a visit to the multinational battlegroup stationed at Cincu.",
        None,
    ),
    # round on blind set 128: a change of command between officers is no deployment; a nation's lead taken over is
    (
        "Germany took over the lead of the battlegroup from the Netherlands.",
        "commitment",
        "took over the mission (news of a deployment)",
        "The Hungarian general took over command of the mission from an Italian officer.",
        None,
    ),
    # round on blind set 128: "opened" an occasion under way reports it began; "opened" a new centre is a launch
    (
        "NATO opened a new cyber training centre in Tallinn.",
        "commitment",
        "launch",
        "NATO's cyber defence centre in Tallinn opened this year's Locked Shields exercise.",
        None,
    ),
    # round on blind set 130: the next review of a mission's plans that will take place is calendar news; the next
    # exercise that will take place is a future exercise
    (
        "The next exercise will take place off the coast of Norway in March.",
        "commitment",
        "a force or programme will (do)",
        "The next review of the mission's plans will take place in Brussels in June.",
        None,
    ),
    # round on blind set 130: a text that "demonstrates" the alliance's determination is the writer's comment; the
    # Allies who stress their determination to deploy name a step
    (
        "Allies stressed their determination to deploy more air defence systems to the eastern flank.",
        "commitment",
        "affirmed commitment to",
        "The new strategy demonstrates the alliance's determination to stay ahead in emerging technologies.",
        None,
    ),
    # round on blind set 130: a wrap-up's commitment to the stability of a region is no action; to invest is one
    (
        "Through this meeting, Allies reaffirmed their commitment to invest 5% of GDP in defence by 2035.",
        "commitment",
        "affirmed commitment to",
        "Through this conference, the Allies reaffirmed their commitment to the stability of the Black Sea region.",
        None,
    ),
    # round on blind set 130: a meeting held ", focusing on" a topic reports its agenda; leaders focusing on it name
    # a focus
    (
        "NATO leaders are focusing on air defence this year.",
        "priority",
        "focus on (an actor's focus)",
        "The Military Committee has held its annual conference in Rome, focusing on the readiness of Allied forces.",
        None,
    ),
    # round on blind set 130: a growing threat "reviewed" is a topic, as one discussed; a growing risk warned of is a
    # concern
    (
        "Participants warned of the growing risk of sabotage against undersea cables.",
        "concern",
        "threat from / posed by",
        "Ministers reviewed the exercise, as well as the growing threat of sabotage against undersea cables.",
        None,
    ),
    # round on blind set 130: a key asset singled out is praise of a quality; a key capability is a priority
    (
        "Air defence was singled out as a key capability for the eastern flank.",
        "priority",
        "named as critical (pillar, element)",
        "Norway's fleet of maritime patrol aircraft was singled out as a key asset for the whole alliance.",
        None,
    ),
    # round on blind set 130: "It is worth noting that" + a past trend is an aside of background; + a future stays
    (
        "It is worth noting that NATO will open a new training centre in Romania next year.",
        "commitment",
        "launch",
        "It is worth noting that Allies have increased their stocks of munitions over the past two years.",
        None,
    ),
    # round on blind set 130: a readiness a meeting assesses is its object; the ministers' readiness to send is a step
    (
        "The ministers stressed their readiness to send more troops to the eastern flank.",
        "commitment",
        "resolve to",
        "The meeting was held to assess NATO's readiness to respond to a chemical attack.",
        None,
    ),
    # round on blind set 131: a year between "will" and its verb, as translated press releases write it; the verb after
    # the year is read as without it ("will in 2027 be held" stays a future meeting)
    (
        "Sweden will also in 2026 give military support to Ukraine.",
        "commitment",
        "will (do)",
        "The next summit will in 2027 be held in Tirana.",
        None,
    ),
    # round on blind set 131: the present "We welcome the Government's decision to" reports a decision; a wish is none
    (
        "We welcome the Government's decision to lead a new multinational brigade in Estonia.",
        "commitment",
        "welcomed the offer to",
        "We would welcome a decision to lead a new multinational brigade in Estonia.",
        None,
    ),
    # round on blind set 131: "the decisive issue" is a main topic; "a decisive role" names none
    (
        "Participants agreed that the speed of reinforcement is the decisive issue for deterrence.",
        "priority",
        "main topics / key issue",
        "Participants agreed that air power played a decisive role in the last war.",
        None,
    ),
    # round on blind set 131: an Ally's planned share of GDP, its name far before the verb; a forecast is none
    (
        "Finland, which joined NATO in April 2023 after decades of military non-alignment, spends about 2.4 percent of"
        " its economic output on defence and plans to reach 3 percent by 2029.",
        "commitment",
        "plans to reach 3 percent by 2029",
        "Finland, which joined NATO in April 2023 after decades of military non-alignment, spends about 2.4 percent of"
        " its economic output on defence and is expected to reach 3 percent by 2029.",
        None,
    ),
    # round on blind set 131: a press point is a press event, as a press conference is; a centre opened is a launch
    (
        "The Secretary General will open a joint training centre with the Foreign Minister of Ukraine on Wednesday.",
        "commitment",
        "launch",
        "The Secretary General will hold a joint press point with the Foreign Minister of Ukraine on Wednesday.",
        None,
    ),
    # round on blind set 131: a demand to explain how a target will be met is no call for a step; a call to fund it is
    (
        "The Government should fund the new target without cutting existing programmes.",
        "commitment",
        "must / should",
        "The Government should set out, within three months, how it will fund the new target without cutting existing"
        " programmes.",
        None,
    ),
    # round on blind set 131: a leader who stayed away and the deputy who signed for him is attendance; a signing is
    # news
    (
        "Secretary of State Marco Rubio signed the declaration on Washington's behalf.",
        "commitment",
        "approve / adopt / endorse",
        "U.S. President Donald Trump did not attend the final session, leaving Secretary of State Marco Rubio to sign"
        " the declaration on Washington's behalf.",
        None,
    ),
    # round on blind set 131: "delivered on money" is an evaluation; "delivered on Monday" the batteries is news
    (
        "Germany delivered on Monday the first of four Patriot batteries to Ukraine.",
        "commitment",
        "step up / deploy",
        "In the view of most participants, the Summit delivered on money but not yet on readiness.",
        None,
    ),
]


@pytest.mark.parametrize(("sentence", "kind", "cue", "near_miss", "near_kind"), RULE_PAIRS)
def test_rules_added_after_sets_13_and_14(
    sentence: str, kind: str, cue: str, near_miss: str, near_kind: str | None
) -> None:
    found, near = classify(sentence), classify(near_miss)
    assert found is not None and found.kind == kind and found.cue.startswith(cue), found
    assert (near.kind if near else None) == near_kind, near


def test_gate_words_are_strings() -> None:
    """A bare ``no`` / ``on`` / ``yes`` in a YAML list is a boolean: the gate then never admits the word."""
    document = yaml.safe_load(RULES_FILE.read_text(encoding="utf-8"))
    entries = document["not_statement"] + [e for rules in document["kinds"].values() for e in rules]
    assert all(isinstance(w, str) for e in entries for w in e.get("words", [])), [
        (e["cue"], w) for e in entries for w in e.get("words", []) if not isinstance(w, str)
    ]


def test_cue_names_a_rule_of_the_yaml() -> None:
    rules = load_statement_rules()
    cues = {rule.cue for _, kind_rules in rules.kinds for rule in kind_rules}
    found = classify("NATO leaders agreed to increase intelligence cooperation.")
    assert found is not None and found.cue in cues


def test_editing_the_rules_changes_the_outcome() -> None:
    document = {
        "actors": ["NATO"],
        "not_statement": [{"cue": "sports", "pattern": r"\bfootball\b"}],
        "kinds": {
            "commitment": [{"cue": "will train", "pattern": r"\b{actor} will train\b"}],
            "priority": [],
            "concern": [{"cue": "storm", "pattern": r"\bstorm\b"}],
        },
    }
    rules = parse_statement_rules(document)
    assert classify("NATO will train pilots.", rules).cue == "will train"
    assert classify("non-NATO will train pilots.", rules) is None  # an actor is a whole word, not inside "non-NATO"
    assert classify("A storm is coming.", rules).kind == "concern"
    assert classify("A football storm is coming.", rules) is None


def test_the_authors_voice_comes_with_the_loaded_rules() -> None:
    """The rules file is read once: the ``authors_voice`` section is the loaded rules' own, cleared with them."""
    assert load_authors_voice() is load_statement_rules().voice
    bare = parse_statement_rules({"actors": ["NATO"], "not_statement": [], "kinds": {kind: [] for kind in KINDS}})
    assert bare.voice.takes_back == frozenset()  # a rules file without the section never takes anything back
    load_statement_rules.cache_clear()
    assert load_authors_voice() is load_statement_rules().voice


def test_unknown_blocked_kind_is_rejected() -> None:
    document = {
        "actors": ["NATO"],
        "not_statement": [{"cue": "x", "pattern": "x", "blocks": ["wish"]}],
        "kinds": {"commitment": [], "priority": [], "concern": []},
    }
    with pytest.raises(ValueError, match="wish"):
        parse_statement_rules(document)


@settings(max_examples=200)
@given(st.text(max_size=300))
def test_any_text_classifies_without_error(text: str) -> None:
    found = classify(text)
    assert found is None or found.kind in KINDS


def test_hostile_sentence_is_bounded() -> None:
    """A 1 MB sentence is classified on its first MAX_CHARS code points: bounded work."""
    assert classify("NATO agreed to act " + "and act " * 125_000) is not None
    assert classify("Allies " * 150_000) is None


@functools.cache
def _all_test_sentences() -> tuple[str, ...]:
    sentences = [s for name in LABELS for s in _sentences(CORPUS / name)]
    heldout = sorted(
        p for d in CORPUS.parent.glob("prose_heldout*") for p in d.iterdir() if p.suffix in {".txt", ".md"}
    )
    sentences += [s for path in heldout for s in _sentences(path)]
    cases = yaml.safe_load((CORPUS / "sentence_cases.yaml").read_text(encoding="utf-8"))["cases"]
    added = [c[0] for c in ADDED_CASES] + ADDED_NOT_STATEMENTS + [s for p in RULE_PAIRS for s in (p[0], p[3])]
    return tuple(sentences + added + [s for case in cases for s in case["sentences"]])


def _spans(pattern: re.Pattern[str], text: str) -> list[tuple[int, int]]:
    """``[m.span() for m in pattern.finditer(text)]``, a failed ``search`` first: it is the same answer (no match
    at all is no span), and most (pattern, sentence) pairs of the oracles below never match, so this skips the
    iterator and the list for them (the three oracles' 13,000 sentences x 500 patterns: ~30% of their CPU)."""
    return [m.span() for m in pattern.finditer(text)] if pattern.search(text) else []


@functools.cache
def _pattern_numbers() -> dict[re.Pattern[str], int]:
    """Every rule's pattern as written (and the actor regex), numbered once: equal patterns share a number.

    The oracles below key their maps by these numbers, not by the patterns: hashing a compiled pattern
    hashes its source, flags and code every time (~6 us for these 400-character patterns), and they asked
    ~20 million times (13,000 sentences x 530 patterns, in the pass and in each oracle's look-ups).
    """
    rules = load_statement_rules()
    patterns = dict.fromkeys([rule.pattern for rule in rules.all_rules()] + [rules.actor])
    return {pattern: number for number, pattern in enumerate(patterns)}


@functools.cache
def _numbers_by_id() -> dict[int, int]:
    """``id(p)`` -> ``_pattern_numbers()[p]`` for every pattern object of the loaded rules and their twins (the
    cached rules keep them alive, so an id names one object): a look-up without hashing the pattern."""
    rules = load_statement_rules()
    numbers = _pattern_numbers()
    objects = [rule.pattern for rule in rules.all_rules()] + [rule.twins.pattern for rule in rules.all_rules()]
    objects += [rules.actor, rules.actor_twins.pattern]
    return {id(p): numbers[p] for p in objects if p in numbers}


def _number(pattern: re.Pattern[str]) -> int | None:
    """The pattern's number in ``_pattern_numbers`` (None: not one of the patterns searched)."""
    number = _numbers_by_id().get(id(pattern))
    return number if number is not None else _pattern_numbers().get(pattern)


@functools.cache
def _pattern_matches() -> dict[str, dict[int, list[tuple[int, int]]]]:
    """Per test sentence, the spans of every rule's pattern as written (and the actor regex) that matches it,
    by the pattern's number (``_pattern_numbers``).

    The three oracles below each compared every pattern with every sentence (~2.8 million Unicode
    searches apiece, a minute of CPU between them): they share this one pass, made the same way.
    """
    patterns = list(_pattern_numbers().items())
    found: dict[str, dict[int, list[tuple[int, int]]]] = {}
    for sentence in _all_test_sentences():
        if sentence not in found:
            found[sentence] = {number: spans for pattern, number in patterns if (spans := _spans(pattern, sentence))}
    return found


def _matching_rules(rules: list[Rule]) -> Callable[[dict[int, list[tuple[int, int]]]], list[Rule]]:
    """``found`` -> ``[rule for rule in rules if rule.pattern in found]``, the same rules in the same order, read
    from a map of the patterns (by number) built once: a sentence matches a handful of the ~500 patterns, and the
    oracles below asked every rule of every one of the 13,000 sentences (most of their time once the searches
    were done)."""
    by_number: dict[int | None, list[tuple[int, Rule]]] = {}
    for index, rule in enumerate(rules):
        by_number.setdefault(_number(rule.pattern), []).append((index, rule))
    return lambda found: [rule for _, rule in sorted(pair for number in found for pair in by_number.get(number, ()))]


def test_word_gates_never_hide_a_match() -> None:
    """Every rule's ``words`` gate admits every sentence its pattern matches (corpus and cases)."""
    rules = load_statement_rules()
    all_rules = list(rules.not_statement) + [r for _, kind_rules in rules.kinds for r in kind_rules]
    assert all_rules == rules.all_rules()  # the rules _pattern_matches searched with
    assert sum(bool(r.words or r.stems) for r in all_rules) >= len(all_rules) - 5
    matched, matching = 0, _matching_rules(all_rules)
    for sentence in _all_test_sentences():
        if not (found := _pattern_matches()[sentence]):
            continue
        words = sentence_words(sentence)
        for rule in matching(found):
            matched += 1
            assert rule.may_match(words), (rule.cue, sentence)
    assert matched > 200


def test_lowercase_twins_never_change_a_match() -> None:
    """On every corpus and case sentence that ``reads_as_ascii`` (plain ASCII, or inert punctuation such as
    "NATO’s" besides), every rule (and the actor regex): its lowercase twin finds the same spans in the
    lowercased sentence, and so does the form ``Twins.choose`` picks. A twin that moved or dropped a match
    would change a classification: this is the speed change's oracle."""
    from nato_briefs.regexes import is_plain_ascii, reads_as_ascii

    rules = load_statement_rules()
    assert sum(r.twins.lower is not None for r in rules.all_rules()) >= len(rules.all_rules()) - 10
    assert rules.actor_twins.lower is not None
    all_twins = [(twins, _number(twins.pattern)) for twins in [r.twins for r in rules.all_rules()]]
    all_twins.append((rules.actor_twins, _number(rules.actor_twins.pattern)))
    checked = typographic = 0
    for sentence in _all_test_sentences():
        if not reads_as_ascii(sentence):
            continue
        typographic += not is_plain_ascii(sentence)
        lowered = sentence.lower()
        found = _pattern_matches()[sentence]
        for twins, number in all_twins:
            spans = found.get(number, [])  # the pattern as written: the reference
            checked += bool(spans)
            assert _spans(twins.ascii, sentence) == spans, (twins.pattern, sentence)
            if twins.lower is not None:
                assert _spans(twins.lower, lowered) == spans, (twins.pattern, sentence)
            pattern, read = twins.choose(sentence, True, lowered)
            if not ((pattern is twins.lower and read is lowered) or (pattern is twins.ascii and read is sentence)):
                assert _spans(pattern, read) == spans, (twins.pattern, sentence)  # else: above
    assert checked > 1000 and typographic > 50


def _eager_classify(
    sentence: str, rules: StatementRules, matching: Collection[int] | None = None
) -> Classification | None:
    """The decision as the module docstring states it, every step in order: the oracle of ``classify``.

    Every not-statement rule (ungated) is tried and blocks its kinds in the clauses its matches touch
    (all clauses for a ``scope: sentence`` rule); then, kind by kind in precedence order, the first
    rule with a match starting in a clause where that kind is not blocked decides. ``classify`` skips
    searches that cannot change this (word gates, blockers of a kind no rule of which matched, clauses
    of one-clause sentences), which must never change the answer. ``matching``, when known: the numbers
    (``_pattern_numbers``) of the patterns (as written) that match the sentence at all; a rule whose pattern
    does not has no spans to look for.
    """
    text = sentence[:MAX_CHARS]
    starts = rules.clause_starts(text)
    read = _Sentence(text, rules.actor)  # shared by the rules: its one state, the actor ends, is the text's

    def clause(position: int) -> int:
        return max(i for i, start in enumerate(starts) if start <= position)

    def spans(rule: Rule) -> list[tuple[int, int]]:
        return [] if matching is not None and _number(rule.pattern) not in matching else rule.spans(read)

    blocked: dict[str, set[int]] = {kind: set() for kind in KINDS}
    for rule in rules.not_statement:
        for a, b in spans(rule):
            last = clause(max(a, b - 1))
            touched = set(range(len(starts))) if rule.sentence_scope else set(range(clause(a), last + 1))
            for kind in rule.blocks:
                blocked[kind] |= touched
    for kind, kind_rules in rules.kinds:
        for rule in kind_rules:
            if any(clause(a) not in blocked[kind] for a, _ in spans(rule)):
                return Classification(kind, rule.cue)
    return None


def test_classify_decides_as_the_eager_reference() -> None:
    """The corpus, the held-out sets and the cases: ``classify`` equals trying every rule in order."""
    rules = load_statement_rules()
    sentences = _all_test_sentences()
    assert all(len(s) <= MAX_CHARS for s in sentences)  # what _pattern_matches searched is what the rules read
    eager = [_eager_classify(s, rules, _pattern_matches()[s]) for s in sentences]
    assert [classify(s, rules) for s in sentences] == eager
    assert sum(classify(s, rules) is not None for s in sentences) > 200  # not a vacuous comparison


RULE_WORDS = (
    "NATO Allies Russia the visit will agreed to committed plan planned decided priority is a key threat concern "
    "warned hoped whether if would in 1999 said analysts not did talks discussed focus on : ? , . ; and but while "
    "that host forum meeting listed below Russia announced"
).split()


@settings(max_examples=300)
@given(st.lists(st.sampled_from(RULE_WORDS), max_size=25))
def test_classify_decides_as_the_eager_reference_on_rule_words(words: list[str]) -> None:
    """Sentences made of the rules' own words, where kinds and blockers collide most."""
    rules = load_statement_rules()
    sentence = " ".join(words)
    assert classify(sentence, rules) == _eager_classify(sentence, rules)


@settings(max_examples=150)
@given(
    st.lists(st.sampled_from(sorted({w for r in load_statement_rules().all_rules() for w in r.words})), max_size=25),
    st.data(),
)
def test_ascii_mode_rules_match_like_unicode_ones(words: list[str], data: st.DataObject) -> None:
    """On text ``reads_as_ascii`` accepts every rule's re.ASCII twin finds exactly the Unicode pattern's matches."""
    from nato_briefs.regexes import reads_as_ascii

    glue = data.draw(
        st.lists(
            st.sampled_from(
                [" ", " ", ", ", ". ", ": ", "; ", " NATO ", " 1994 ", "-", "\x1c", "K", "’s ", " — ", "“"]
            ),
            min_size=len(words),
            max_size=len(words),
        )
    )
    text = "".join(g + (w.upper() if k % 3 == 0 else w) for k, (g, w) in enumerate(zip(glue, words, strict=True)))
    rules = load_statement_rules()
    if not reads_as_ascii(text):
        return
    for rule in rules.all_rules():
        assert _spans(rule.twins.ascii, text) == _spans(rule.pattern, text)
    assert _spans(rules.actor_twins.ascii, text) == _spans(rules.actor, text)


def test_classify_reads_no_more_than_max_chars() -> None:
    """A hostile sentence of megabytes is classified on its first MAX_CHARS code points."""
    from nato_briefs.statements import MAX_CHARS

    head = "NATO agreed to act " + "and more " * (MAX_CHARS // 9)
    assert classify(head + "x" * 1_000_000) == classify(head) == classify(head[:MAX_CHARS] + " NATO is concerned")
    assert classify(head).kind == "commitment"


CLAUSE_CASES = [
    # a blocker in another clause no longer hides a commitment ...
    ("Seoul is set to join the exercise, and will host a forum in the spring.", "commitment"),
    ("Italy is to lead a new training hub, and Spain has offered to host a conference in the autumn.", "commitment"),
    ("It is hoped that the talks will succeed, and Allies will deploy more troops.", "commitment"),
    ("Allies did not agree on the timeline; they will deploy the first brigade in 2026.", "commitment"),
    ("NATO will host a conference in May, and NATO will deploy a brigade to Lithuania.", "commitment"),
    # a blocker found for an earlier kind blocks a later kind only in its own clause
    ("The next summit will be held in Ankara in July; cyber defence is a key priority for the Alliance.", "priority"),
    ("NATO will hold a summit in Ankara in July; cyber defence is a key priority for the Alliance.", "priority"),
    # ... but one in the same clause still does, and "and that" / "and <verb>" continue the clause
    ("It is hoped that the dialogue will create space for cooperation, and that NATO will deploy more ships.", None),
    ("Ministers will meet again in June, and will hold a press conference in Brussels.", None),
    ("Russia said it would move troops to the border, and will hold large exercises next month.", None),
    # a pointer line blocks its whole sentence (scope: sentence), whatever its clauses
    ("Allies will deploy two brigades, and the measures agreed are listed below:", None),
]


@pytest.mark.parametrize(("sentence", "kind"), CLAUSE_CASES)
def test_blockers_block_their_own_clause(sentence: str, kind: str | None) -> None:
    rules = load_statement_rules()
    found = classify(sentence, rules)
    assert (found.kind if found else None) == kind, found
    assert found == _eager_classify(sentence, rules)


def test_clause_scope_is_data() -> None:
    """Without ``clause_breaks`` a blocker blocks the whole sentence; ``scope`` must be clause or sentence."""
    document = {
        "actors": ["NATO"],
        "clause_breaks": [r";\s+"],
        "not_statement": [{"cue": "meeting", "pattern": r"\bwill meet\b"}],
        "kinds": {"commitment": [{"cue": "will", "pattern": r"\b{actor} will\b"}], "priority": [], "concern": []},
    }
    sentence = "NATO will train pilots; ministers will meet in June."
    assert classify(sentence, parse_statement_rules(document)).cue == "will"
    assert classify(sentence, parse_statement_rules({**document, "clause_breaks": []})) is None
    document["not_statement"][0]["scope"] = "sentence"
    assert classify(sentence, parse_statement_rules(document)) is None
    document["not_statement"][0]["scope"] = "paragraph"
    with pytest.raises(ValueError, match="scope"):
        parse_statement_rules(document)


def _one_rule_document(pattern: str, words: list[str], classes: dict[str, list[str]]) -> dict:
    return {
        "actors": ["NATO"],
        "word_classes": classes,
        "not_statement": [],
        "kinds": {"commitment": [], "priority": [], "concern": [{"cue": "c", "pattern": pattern, "words": words}]},
    }


def test_word_classes_expand_in_patterns_and_gates() -> None:
    """``{name}`` in a pattern is the class's alternation (longest member first); in a gate, its first words."""
    classes = {"adversary": ["Russia", "the Kremlin", "North Korea"], "step_up": ["stepped up", "stepped"]}
    rules = parse_statement_rules(
        _one_rule_document(r"\b{adversary} (?:\w+ ){0,2}{step_up} (its|their)\b", ["{step_up}"], classes)
    )
    rule = rules.kinds[2][1][0]
    assert rule.words == frozenset({"stepped"})
    assert classify("North Korea has stepped up its missile tests.", rules).kind == "concern"
    assert classify("The Kremlin stepped its pressure.", rules).kind == "concern"
    assert classify("Norway has stepped up its patrols.", rules) is None
    gate = parse_statement_rules(_one_rule_document(r"\b{adversary}\b", ["{adversary}"], classes))
    assert gate.kinds[2][1][0].words == frozenset({"russia", "kremlin", "north"})  # articles skipped


def test_word_classes_leave_quantifiers_and_reject_unknown_names() -> None:
    rules = parse_statement_rules(_one_rule_document(r"\bthreat(s){0,1} x{2}\b", ["threat", "threats"], {}))
    assert classify("A threats xx here.", rules).kind == "concern"
    with pytest.raises(ValueError, match="unknown word class"):
        parse_statement_rules(_one_rule_document(r"\b{adversay}\b", ["x"], {"adversary": ["Russia"]}))
    with pytest.raises(ValueError, match="reserved"):
        parse_statement_rules(_one_rule_document(r"\bx\b", ["x"], {"actor": ["NATO"]}))


# --------------------------------------------------------------------------- derived literal prefilter


def test_required_literals_never_hide_a_match() -> None:
    """Every rule's derived literals (``Rule.requires``) are in every sentence its pattern matches that
    ``reads_as_ascii`` (corpus, held-out sets, cases): the prefilter may only skip searches that fail."""
    from nato_briefs.regexes import holds, reads_as_ascii

    rules = load_statement_rules()
    assert sum(bool(r.requires) for r in rules.all_rules()) >= len(rules.all_rules()) * 3 // 4  # not vacuous
    checked, matching = 0, _matching_rules(rules.all_rules())
    for sentence in _all_test_sentences():
        if not reads_as_ascii(sentence) or not (found := _pattern_matches()[sentence]):
            continue
        lowered = sentence.lower()
        for rule in matching(found):
            checked += bool(rule.requires)
            assert holds(rule.requires, lowered), (rule.cue, rule.requires, sentence)
    assert checked > 1000


def test_alternatives_literals_never_hide_a_match() -> None:
    """Every rule whose pattern is an alternation (``Rule.branches``): on every corpus, held-out and case
    sentence that ``reads_as_ascii``, the search of only the alternatives whose literals the sentence holds
    answers as the pattern does, and where it matched, the union searched finds the pattern's spans: the
    gate may only skip alternatives that fail."""
    from nato_briefs.regexes import reads_as_ascii

    rules = load_statement_rules()
    alternations = [rule for rule in rules.all_rules() if rule.branches is not None]
    assert len(alternations) >= 50  # not vacuous: the YAML's long rules are alternations
    checked = skipped = 0
    for sentence in _all_test_sentences():
        if not reads_as_ascii(sentence):
            continue
        lowered, found = sentence.lower(), _pattern_matches()[sentence]
        for rule in alternations:
            branches = rule.branches
            assert branches is not None
            spans = found.get(_number(rule.pattern), [])
            assert branches.search_ascii(sentence, lowered) == bool(spans), (rule.cue, sentence)
            live = branches.live(lowered)
            skipped += live != (1 << len(branches.sources)) - 1
            if spans:
                checked += 1
                search, reads_lowered = branches.union(live)
                assert _spans(search.__self__, lowered if reads_lowered else sentence) == spans, (rule.cue, sentence)
    assert checked > 500 and skipped > checked


def test_a_rule_added_as_an_alternation_is_gated_by_its_own_alternatives() -> None:
    """An analyst's new alternation gets its alternatives' literals at load, and is found by the one that
    matches; one in syntax the reader does not read (a back reference) is searched whole, as before."""
    document = {
        "actors": ["NATO"],
        "not_statement": [],
        "kinds": {
            "commitment": [
                {"cue": "pledge or vow", "pattern": r"\bpledged to\b|\bvowed to\b"},
                {"cue": "unread", "pattern": r"\b(?P<v>train|drill) and (?P=v) again\b|\bswore to\b"},
            ],
            "priority": [],
            "concern": [],
        },
    }
    rules = parse_statement_rules(document)
    pledge, unread = rules.kinds[0][1]
    assert pledge.branches is not None and len(pledge.branches.sources) == 2
    assert unread.branches is None
    assert classify("NATO vowed to act.", rules).cue == "pledge or vow"
    assert classify("Allies will train and train again.", rules).cue == "unread"
    assert classify("NATO swore to act.", rules).cue == "unread"
    assert classify("NATO vowed that it would act.", rules) is None  # near miss: no alternative matches


_UNDERIVABLE = r"(?i)\bNATO will (?P<v>train|drill) and (?P=v) again\b"  # inline flags, a back reference


def test_a_rule_without_derivable_literals_is_still_tried() -> None:
    """An analyst's rule in syntax the prefilter does not read gets no requirement, and is searched on
    every sentence its word gate (none here) admits, as before there was a prefilter."""
    document = {
        "actors": ["NATO"],
        "not_statement": [{"cue": "sports", "pattern": r"\bfootball\b"}],
        "kinds": {
            "commitment": [
                {"cue": "derived", "pattern": r"\b{actor} pledged to\b"},
                {"cue": "underivable", "pattern": _UNDERIVABLE},
            ],
            "priority": [],
            "concern": [],
        },
    }
    rules = parse_statement_rules(document)
    derived, underivable = rules.kinds[0][1]
    assert derived.requires and not underivable.requires
    assert classify("Then NATO will train and train again.", rules).cue == "underivable"
    assert classify("NATO will drill and train again.", rules) is None
    assert classify("NATO pledged to act.", rules).cue == "derived"
    assert classify("NATO pledged help.", rules) is None  # the derived literal " to" is missing: not searched


_LITERAL_WORDS = sorted(
    {w for r in load_statement_rules().all_rules() for clause in r.requires for lit in clause for w in lit.split()}
)


@settings(max_examples=300)
@given(st.lists(st.sampled_from(_LITERAL_WORDS), max_size=20), st.lists(st.sampled_from(RULE_WORDS), max_size=8))
def test_prefiltered_classify_agrees_with_the_eager_reference(literals: list[str], words: list[str]) -> None:
    """Random text made of the rules' derived literals and words: the prefiltered ``classify`` equals trying
    every rule (``_eager_classify`` searches every pattern, no gate, no prefilter)."""
    rules = load_statement_rules()
    sentence = " ".join(literals[: len(literals) // 2] + words + literals[len(literals) // 2 :])
    assert classify(sentence, rules) == _eager_classify(sentence, rules)


@pytest.mark.parametrize(
    ("sentence", "near_miss"),
    [
        # A lookbehind for a word must see a word: "(?<!a )" also refused the end of "Estonia ", "(?<!to )" of "NATO "
        ("Estonia pressed for more troops in the Baltic states.", "A pressed for more troops in the Baltic states."),
        ("NATO pushed for a faster rollout of air defence.", "The push for a faster rollout of air defence grew."),
        ("Canada proposed that Allies share the costs.", "A proposed plan would share the costs."),
    ],
)
def test_word_lookbehinds_do_not_read_a_names_last_letters(sentence: str, near_miss: str) -> None:
    found = classify(sentence)
    assert found is not None and found.kind == "commitment", found
    assert classify(near_miss) is None


def test_word_index_never_hides_a_match() -> None:
    """The word index (``StatementRules.met_mask``, derived at load from every rule's gate, literals and
    alternatives) says of every corpus, held-out and case sentence that ``reads_as_ascii`` exactly what the
    rules' own tests say: a rule is met when its word gate admits the sentence (``admitted_mask``) and its
    literals hold (``holds``), an alternative when its own literals hold (``Branches.live``). So the rules
    ``classify`` searches are those it searched before, none hidden; and every rule whose pattern matches
    the sentence is met."""
    from nato_briefs.regexes import holds, reads_as_ascii

    rules = load_statement_rules()
    plan, matching = rules.plan, _matching_rules(rules.all_rules())
    position = {id(rule): i for i, (_, rule) in enumerate(rules.ordered)}
    checked = spanning = 0
    for n, sentence in enumerate(_all_test_sentences()):
        if not reads_as_ascii(sentence) or len(sentence) > MAX_CHARS:
            continue
        words, lowered = read_sentence(sentence)
        assert lowered is not None
        met = rules.met_mask(words, lowered)
        admitted = rules.admitted_mask(words)
        for i, (_, rule) in enumerate(rules.ordered):
            if not admitted >> i & 1:
                assert not met >> i & 1, (rule.cue, sentence)
                if n % 7:
                    continue  # every 7th sentence: every rule's alternatives; else the admitted rules'
            else:
                assert bool(met >> i & 1) == holds(rule.requires, lowered), (rule.cue, rule.requires, sentence)
                spanning += any(not re.fullmatch(r"\w+", lit) for clause in rule.requires for lit in clause)
            if rule.branches is not None:
                offset, width = plan[i][5], plan[i][6]
                assert met >> offset & width == rule.branches.live(lowered), (rule.cue, sentence)
        for rule in matching(_pattern_matches()[sentence]):
            checked += 1
            assert met >> position[id(rule)] & 1, (rule.cue, sentence)
    assert checked > 1000 and spanning > 1000  # not vacuous: matches, and literals across words, were checked


def test_word_index_is_derived_for_a_new_rule() -> None:
    """An analyst's new rule gets its index entry at load: its gate, a literal across words (" will host ")
    and one inside a word; the index meets the sentences holding them, and not those holding the words apart
    (near miss), nor those its gate shuts out."""
    document = {
        "actors": ["NATO"],
        "not_statement": [],
        "kinds": {
            "commitment": [{"cue": "host", "pattern": r"\b{actor} will host\b", "words": ["host"]}],
            "priority": [{"cue": "resilien", "pattern": r"\bresilien(ce|t)\b", "words": ["resilien*"]}],
            "concern": [],
        },
    }
    rules = parse_statement_rules(document)
    assert classify("NATO will host the talks.", rules).cue == "host"
    assert classify("NATO will not host; it will meet the host.", rules) is None  # words apart: not met
    assert classify("Resilience matters.", rules).cue == "resilien"
    assert classify("A resilient grid.", rules).cue == "resilien"
    assert classify("NATO will hostile.", rules) is None  # the gate word "host" is absent

    def met(text: str) -> int:
        words, lowered = read_sentence(text)
        assert lowered is not None
        return rules.met_mask(words, lowered) & rules.rules_mask

    assert met("NATO will host the talks.") == 0b01
    assert met("NATO will not host; it will meet the host.") == 0
    assert met("Resilience and host.") == 0b10
