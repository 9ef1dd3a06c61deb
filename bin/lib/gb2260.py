#!/usr/bin/env python3
"""Builds src/main/resources/catalogue/gb2260.tsv, the administrative divisions (GB/T 2260) the service names and
checks codes against, from the Ministry of Civil Affairs' yearly and monthly code lists as published by the cn/GB2260
project (https://github.com/cn/GB2260, directory mca/, one file per revision: Source, Revision, Code, Name).
  bin/lib/gb2260.py DIRECTORY-OF-MCA-TSV > src/main/resources/catalogue/gb2260.tsv
Each code once: its most recent name, the first and the last revision (YYYYMM) that list it."""
import os
import sys

directory = sys.argv[1]
first, last, name = {}, {}, {}
revisions = sorted(f[:-4] for f in os.listdir(directory) if f.endswith(".tsv"))
for revision in revisions:
    with open(os.path.join(directory, revision + ".tsv"), encoding="utf-8") as rows:
        for line in rows:
            fields = line.rstrip("\n").split("\t")
            if len(fields) < 4 or not fields[2].isdigit() or len(fields[2]) != 6:
                continue
            code, label = fields[2], fields[3].strip()
            first.setdefault(code, revision)
            last[code] = revision
            name[code] = label
print(f"# GB/T 2260 administrative divisions, from the Ministry of Civil Affairs' lists {revisions[0]}-{revisions[-1]}"
      f" ({len(revisions)} revisions) as published by https://github.com/cn/GB2260 (mca/); built by bin/lib/gb2260.py")
print("# code\tname (latest)\tfirst revision\tlast revision")
for code in sorted(first):
    print(f"{code}\t{name[code]}\t{first[code]}\t{last[code]}")
