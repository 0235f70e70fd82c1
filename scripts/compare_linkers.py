#!/usr/bin/env python3
"""Run recordlinkage and Splink on the benchmark CSVs and print precision,
recall, F1, seconds and peak memory for each data set.

Each tool runs in its own child process per data set so peak memory
(ru_maxrss / VmHWM) is that tool's alone. Two times are reported:
  pipeline s  reading the CSV through to predicted pairs, measured inside the
              process (Python imports excluded, which favours the Python tools);
  process s   wall-clock time of the whole child process as a user of a command
              line tool experiences it (interpreter start and imports included).
With --swift-bin the Swift matcher (`personmatch-bench evaluate`) is run the
same way and appears in the same table.

Both tools get the same blocking keys PersonMatching uses (name pairs,
surname + birth date, postcode + birth date, postcode + surname, each
identifier) and unsupervised training: recordlinkage's ECM classifier and
Splink's u-by-random-sampling + EM, each with a 0.5 match threshold.

Usage:
  compare_linkers.py --data bench-data [--sets febrl1,...] [--swift-bin .build/release/personmatch-bench]
"""
import argparse
import json
import os
import resource
import subprocess
import sys
import time

LINK_ACROSS_SOURCES = {"febrl4"}
ID_COLUMNS = ["other_id", "nhs_number", "upn", "police_id", "social_care_id"]


def load(directory):
    import pandas as pd

    frame = pd.read_csv(os.path.join(directory, "people.csv"), dtype=str, keep_default_na=False)
    frame = frame.replace({"": None})
    usable = [c for c in frame.columns if c == "record_id" or c == "source" or frame[c].notna().any()]
    return frame[usable]


def truth_pairs(directory):
    import csv

    with open(os.path.join(directory, "true_pairs.csv"), newline="") as handle:
        rows = list(csv.reader(handle))[1:]
    return {tuple(sorted(r[:2])) for r in rows}


def family_membership(directory):
    import csv

    path = os.path.join(directory, "families.csv")
    if not os.path.exists(path):
        return None
    with open(path, newline="") as handle:
        return {r["record_id"]: (r["person_id"], r["family_id"]) for r in csv.DictReader(handle)}


def blocking_keys(columns):
    keys = [("given_name", "surname"), ("surname", "date_of_birth"), ("given_name", "date_of_birth"),
            ("postcode", "date_of_birth"), ("postcode", "surname")]
    keys = [k for k in keys if all(c in columns for c in k)]
    keys += [(c,) for c in ID_COLUMNS if c in columns]
    return keys


def run_recordlinkage(directory, across):
    import pandas as pd
    import recordlinkage as rl

    frame = load(directory).set_index("record_id")
    columns = set(frame.columns)
    indexer = rl.Index()
    for key in blocking_keys(columns):
        indexer.block(list(key))
    if across:
        left = frame[frame["source"] == "A"]
        right = frame[frame["source"] == "B"]
        pairs = indexer.index(left, right)
    else:
        left = right = frame
        pairs = indexer.index(frame)
    compare = rl.Compare()
    for name in ("given_name", "surname"):
        if name in columns:
            compare.string(name, name, method="jarowinkler", threshold=0.85, label=name)
    if "address" in columns:
        compare.string("address", "address", method="jarowinkler", threshold=0.85, label="address")
    for name in ["date_of_birth", "postcode", "sex"] + ID_COLUMNS:
        if name in columns:
            compare.exact(name, name, label=name)
    features = compare.compute(pairs, left, right) if across else compare.compute(pairs, frame)
    classifier = rl.ECMClassifier(binarize=None)
    matches = classifier.fit_predict(features)
    predicted = {tuple(sorted((str(a), str(b)))) for a, b in matches}
    return predicted, len(pairs)


def run_splink(directory, across):
    import logging

    import splink.comparison_library as cl
    from splink import DuckDBAPI, Linker, SettingsCreator, block_on

    frame = load(directory)
    columns = set(frame.columns)
    comparisons = []
    for name in ("given_name", "surname"):
        if name in columns:
            comparisons.append(cl.NameComparison(name))
    if "date_of_birth" in columns:
        comparisons.append(cl.DateOfBirthComparison("date_of_birth", input_is_string=True))
    if "postcode" in columns:
        comparisons.append(cl.PostcodeComparison("postcode"))
    if "address" in columns:
        comparisons.append(cl.JaroWinklerAtThresholds("address", [0.9, 0.7]))
    if "sex" in columns:
        comparisons.append(cl.ExactMatch("sex"))
    for name in ID_COLUMNS:
        if name in columns:
            comparisons.append(cl.DamerauLevenshteinAtThresholds(name, [1]))
    rules = [block_on(*key) for key in blocking_keys(columns)]
    settings = SettingsCreator(
        link_type="link_only" if across else "dedupe_only",
        unique_id_column_name="record_id",
        comparisons=comparisons,
        blocking_rules_to_generate_predictions=rules,
        retain_intermediate_calculation_columns=False,
    )
    db_api = DuckDBAPI()
    if across:
        inputs = [db_api.register(frame[frame["source"] == s].drop(columns=["source"]), dataset_display_name=s)
                  for s in ("A", "B")]
    else:
        inputs = db_api.register(frame)
    linker = Linker(inputs, settings, log_level=logging.WARNING)
    deterministic = [r for r in rules]
    linker.training.estimate_probability_two_random_records_match(deterministic, recall=0.8)
    linker.training.estimate_u_using_random_sampling(max_pairs=1e6, seed=1)
    for key in (("date_of_birth",), ("surname",), ("postcode",), ("given_name",)):
        if all(c in columns for c in key):
            try:
                linker.training.estimate_parameters_using_expectation_maximisation(block_on(*key))
            except Exception as error:  # a rule may leave nothing to train on a small set
                print(f"splink EM on {key} skipped: {error}", file=sys.stderr)
    predictions = linker.inference.predict(threshold_match_probability=0.5).as_pandas_dataframe()
    predicted = {tuple(sorted((str(a), str(b)))) for a, b in zip(predictions["record_id_l"], predictions["record_id_r"])}
    return predicted, None


def child(tool, directory):
    across = os.path.basename(directory.rstrip("/")) in LINK_ACROSS_SOURCES
    if tool == "recordlinkage":
        import recordlinkage  # noqa: F401  (import outside the timed region)
    else:
        import splink  # noqa: F401
        import duckdb  # noqa: F401
    started = time.perf_counter()
    predicted, candidates = (run_recordlinkage if tool == "recordlinkage" else run_splink)(directory, across)
    seconds = time.perf_counter() - started
    truth = truth_pairs(directory)
    true_positives = len(predicted & truth)
    precision = true_positives / len(predicted) if predicted else 0.0
    recall = true_positives / len(truth) if truth else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    membership = family_membership(directory)
    family_merges = None
    if membership is not None:
        family_merges = sum(1 for a, b in predicted
                            if a in membership and b in membership
                            and membership[a][1] == membership[b][1] and membership[a][0] != membership[b][0])
    print(json.dumps({
        "tool": tool, "dataset": os.path.basename(directory.rstrip("/")), "candidate_pairs": candidates,
        "predicted": len(predicted), "true_positives": true_positives, "true_pairs": len(truth),
        "precision": precision, "recall": recall, "f1": f1, "seconds": seconds,
        "peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, "family_merges": family_merges,
    }))


def print_table(results):
    print()
    print(f"{'set':<8} {'tool':<14} {'precision':>9} {'recall':>7} {'F1':>7} {'pipeline s':>10} {'process s':>9} "
          f"{'peak MB':>8} {'family merges':>13}")
    order = {"personmatch": 0, "recordlinkage": 1, "splink": 2}
    for result in sorted(results, key=lambda r: (r["dataset"], order.get(r["tool"], 9))):
        merges = "-" if result.get("family_merges") is None else str(result["family_merges"])
        process = result.get("process_seconds")
        process_text = "-" if process is None else f"{process:.3f}"
        print(f"{result['dataset']:<8} {result['tool']:<14} {result['precision']:>9.4f} {result['recall']:>7.4f} "
              f"{result['f1']:>7.4f} {result['seconds']:>10.3f} {process_text:>9} {result['peak_mb']:>8.1f} {merges:>13}")


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--data", default="bench-data")
    parser.add_argument("--sets", default="febrl1,febrl2,febrl3,febrl4,welsh")
    parser.add_argument("--tools", default="recordlinkage,splink")
    parser.add_argument("--swift-bin", help="path to the release personmatch-bench binary, run as one more tool")
    parser.add_argument("--child", nargs=2, metavar=("TOOL", "DIR"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        child(*args.child)
        return
    results = []
    tools = (["personmatch"] if args.swift_bin else []) + args.tools.split(",")
    for name in args.sets.split(","):
        directory = os.path.join(args.data, name)
        if not os.path.exists(os.path.join(directory, "people.csv")):
            continue
        for tool in tools:
            if tool == "personmatch":
                command = [args.swift_bin, "evaluate", "--data", directory]
                if name in LINK_ACROSS_SOURCES:
                    command.append("--across-sources")
            else:
                command = [sys.executable, __file__, "--child", tool, directory]
            started = time.perf_counter()
            completed = subprocess.run(command, capture_output=True, text=True)
            process_seconds = time.perf_counter() - started
            lines = [l for l in completed.stdout.splitlines() if l.startswith("{")]
            if completed.returncode != 0 or not lines:
                print(f"{tool} failed on {name}:\n{completed.stderr[-3000:]}", file=sys.stderr)
                continue
            result = json.loads(lines[-1])
            result["process_seconds"] = process_seconds
            results.append(result)
            print(json.dumps(result), flush=True)
    print_table(results)


if __name__ == "__main__":
    main()
