#!/bin/bash
# Runs public .NET Interactive notebooks with `research run`, as a new user would, one at a time.
#
# usage: measure.sh CORPUS_ROOT RESEARCH_DLL OUTDIR [LIST]
#   CORPUS_ROOT  holds di/ (a clone of dotnet/interactive) and cn/ (a clone of dotnet/csharp-notebooks)
#   RESEARCH_DLL lib/Research.Cli/bin/Release/net10.0/research.dll
#   OUTDIR       gets results.tsv (exit code, seconds, notebook, first error) and NAME.out.ipynb / NAME.log per
#                notebook, NAME being the notebook's path with '/' as '__'
#   LIST         notebooks to run, relative to CORPUS_ROOT (default: public-notebooks.txt beside this script)
# Then: /usr/bin/python3 compare_outputs.py CORPUS_ROOT OUTDIR -v
set -u
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$1" && pwd); dll=$(realpath "$2"); mkdir -p "$3"; out=$(cd "$3" && pwd)
list=$(realpath "${4:-$here/public-notebooks.txt}")
: > "$out/results.tsv"
while read -r nb; do
  name=$(echo "$nb" | sed 's|^\./||; s|/|__|g')
  start=$(date +%s)
  ( cd "$root/$(dirname "$nb")" && timeout 400 dotnet "$dll" run "$(basename "$nb")" -o "$out/$name.out.ipynb" --timeout 120 --no-timing ) > "$out/$name.log" 2>&1
  rc=$?
  echo -e "$rc\t$(( $(date +%s) - start ))\t$nb\t$(grep -m1 -E 'research run:|error' "$out/$name.log" | cut -c1-200)" >> "$out/results.tsv"
done < "$list"
