# Completes one command line in zsh's real completion system (compsys), the
# way Valodim's zsh-capture-completion does: an interactive `zsh -f -i` runs
# in a pseudo-terminal of its own (zsh/zpty, so no terminal is needed here),
# loads compinit and the script, and is typed the line and a Tab. compsys
# then runs as it does for a user; only compadd is wrapped, to write down the
# matches each call adds.
#
# Usage: zsh -f zsh-complete.zsh source|fpath SCRIPT DIR LINE
#   source: the script is sourced after compinit (its `compdef` registers it);
#   fpath:  it is saved as _qari in a folder put first in $fpath, and compinit
#           finds it by its `#compdef qari` line.
#   DIR:    this helper's own folder, kept from call to call (compinit's dump
#           of $fpath, made once per way: making it takes most of a second).
# Prints each match as it would stand on the line (compset's ignored prefix
# included), then `#nmatches N`, compsys's own count of the matches; what the
# child wrote to its stderr while completing (an error in the script) goes to
# stderr.
# Exit status: 0; 2 on a usage mistake; 3 without zsh/zpty.
#
# Logic:
# 1. The child's start-up file (DIR/zshrc) sets no prompt, binds Tab to
#    complete-word (never expand), runs compinit (-u: the temporary folders
#    are the test's own), loads the script, wraps compadd and hooks
#    compsys's comppostfuncs to write the count and print a mark; then sends
#    its stderr to DIR/errors (the line editor writes to the terminal itself).
# 2. compadd calls that only ask (-O, -A, -D store matches in an array and add
#    none) go straight through; the others are run twice: with -O to learn
#    which of the words match, then as called, so compsys sees its matches.
# 3. The waits are on marks the child prints (ready when the line editor
#    starts, done after completing), never on time; the test's timeout on this
#    process is the hang guard.

emulate -L zsh
(( $# == 4 )) && [[ $1 == (source|fpath) && -d $3 ]] || { print -u2 'usage: zsh -f zsh-complete.zsh source|fpath SCRIPT DIR LINE'; exit 2 }
local how=$1 script=$2 dir=$3 line=$4
zmodload zsh/zpty || exit 3
local out=$dir/matches errors=$dir/errors
: >| $out; : >| $errors

# Logic 1.
local load
if [[ $how == fpath ]]; then
	mkdir -p $dir/fpath && cp $script $dir/fpath/_qari || exit 2
	load="fpath=(${(q)dir}/fpath \$fpath); autoload -U compinit && compinit -u -d ${(q)dir}/zcompdump-fpath"
else
	load="autoload -U compinit && compinit -u -d ${(q)dir}/zcompdump-source && source ${(q)script}"
fi
print -r -- "
PS1= PS2= RPS1=
bindkey -e
bindkey '^I' complete-word
$load
typeset -g qari_out=${(q)out}
# Logic 2.
compadd() {
	local qari_arg
	for qari_arg; do
		[[ \$qari_arg == (-|--) ]] && break
		[[ \$qari_arg == -[OAD] ]] && { builtin compadd \"\$@\"; return }
	done
	local -a qari_hits qari_prefix
	local qari_next
	for qari_arg; do
		[[ \$qari_arg == (-|--) ]] && break
		[[ -n \$qari_next ]] && { qari_prefix+=(\$qari_arg); qari_next= ; continue }
		[[ \$qari_arg == -[Pp] ]] && qari_next=1
	done
	builtin compadd -O qari_hits \"\$@\"
	(( \$#qari_hits )) && print -rl -- \"\$IPREFIX\${(j::)qari_prefix}\"\${^qari_hits} >> \$qari_out
	builtin compadd \"\$@\"
}
qari-done() {
	print -r -- \"#nmatches \$compstate[nmatches]\" >> \$qari_out
	print -rn -- \"<qari-done>\"
}
comppostfuncs=(qari-done)
zle-line-init() { print -rn -- \"<qari-ready>\" }
zle -N zle-line-init
exec 2>>${(q)errors}
" >| $dir/zshrc

# The child: interactive, no start-up files of the system's or the user's.
zpty qari zsh -f -i || exit 3
local reply
zpty -w qari "source ${(q)dir}/zshrc"
zpty -r qari reply '*<qari-ready>*'
# Logic 3. -n: the line is not ended; the Tab completes it.
zpty -w -n qari "$line"$'\t'
zpty -r qari reply '*<qari-done>*'
zpty -d qari
cat $out
cat $errors >&2
