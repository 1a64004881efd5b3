# Sourced (from the repository's root) by the benchmarks that print a best, a median or a spread of their runs.
# Each reads its numbers on stdin, apart by spaces or lines; empty values are skipped, and nothing is printed for none.
# median: the middle value (of an even count, the mean of the middle two); best: the lowest; span: "lowest-highest"
# (the value alone when all are the same).
stats_values() { tr -s ' \t' '\n\n' | awk 'NF' | sort -g; }
median() { stats_values | awk '{a[NR]=$1} END {if (NR) print (NR % 2) ? a[(NR+1)/2] : (a[NR/2] + a[NR/2+1]) / 2}'; }
best() { stats_values | awk 'NR==1'; }
span() { stats_values | awk 'NR==1 {lo=$1} {hi=$1} END {if (NR) print (lo == hi) ? lo : lo "-" hi}'; }
