#!/bin/sh
# Jackknifed tagger models for training the parser (docs/parser.md): splits a
# CoNLL-U training file into K contiguous blocks of sentences (sentence s of N
# falls in block s*K/N, the rule train_parser --jackknife-file uses) and
# trains, with train_tagger's default options, one tagger per block on the
# other K-1 blocks. The parser then trains on tags each block got from a
# tagger that never saw it: tagging errors like those on new text.
#
#   tools/jackknife_tagger.sh BUILD_DIR TRAIN.conllu DEV.conllu OUT_DIR [K] [JOBS]
#
# Writes OUT_DIR/fold-0.model .. fold-(K-1).model.
set -eu
build=$1 train=$2 dev=$3 out=$4 k=${5:-10} jobs=${6:-2}
mkdir -p "$out"
n=$(grep -c '^$' "$train")
i=0
while [ "$i" -lt "$k" ]; do
  awk -v K="$k" -v N="$n" -v F="$i" 'BEGIN { s = 0 }
    { if (int(s * K / N) != F) print }
    /^$/ { s++ }' "$train" > "$out/rest-$i.conllu"
  i=$((i + 1))
done
i=0
while [ "$i" -lt "$k" ]; do echo "$i"; i=$((i + 1)); done |
  xargs -P "$jobs" -I{} sh -c "'$build/tools/train_tagger' --train '$out/rest-{}.conllu' --dev '$dev' \
      --out '$out/fold-{}.model' > '$out/fold-{}.log' 2>&1"
rm -f "$out"/rest-*.conllu
