# SYNTAX TEST "source.dockerfile" "heredoc bodies"
FROM debian:13-slim
# <---- keyword.other.special-method.dockerfile

# The command is the heredoc: the body is a shell script, whatever quotes it holds.
RUN <<EOF
# <--- meta.heredoc.dockerfile keyword.other.special-method.dockerfile
#   ^^ keyword.operator.heredoc.dockerfile
#     ^^^ keyword.control.heredoc-token.dockerfile
set -eu
# <------- meta.heredoc.dockerfile meta.embedded.block.shell
if [ -n "$HOME" ]; then echo "it's $HOME"; fi
# <-- meta.embedded.block.shell keyword.control.shell
#       ^^^^^^^ meta.embedded.block.shell string.quoted.double.shell
#                             ^^^^ meta.embedded.block.shell - string.quoted.single.dockerfile
#                                          ^^ meta.embedded.block.shell keyword.control.shell
EOF
# <--- meta.heredoc.dockerfile keyword.control.heredoc-token.dockerfile
CMD ["true"]
# <--- keyword.other.special-method.dockerfile - meta.heredoc.dockerfile
#    ^^^^^^ string.quoted.double.dockerfile

# Quoted delimiter, build flags, lowercase instruction.
run --mount=type=cache,target=/var/cache/apt <<'EOF'
# <--- keyword.other.special-method.dockerfile
#                                              ^ punctuation.definition.string.begin.dockerfile
#                                               ^^^ keyword.control.heredoc-token.dockerfile
#                                                  ^ punctuation.definition.string.end.dockerfile
apt-get update && apt-get install --yes --no-install-recommends curl
#              ^^ meta.embedded.block.shell keyword.operator.logical.shell
EOF
# <--- keyword.control.heredoc-token.dockerfile

# A shell reading the heredoc, before or after it: shell too.
RUN bash -eux <<"SCRIPT"
#   ^^^^^^^^^ meta.heredoc.dockerfile - meta.embedded.block.shell
#                ^^^^^^ keyword.control.heredoc-token.dockerfile
for f in /etc/*.conf; do echo "$f"; done
# <--- meta.embedded.block.shell keyword.control.shell
#                                   ^^^^ meta.embedded.block.shell keyword.control.shell
SCRIPT
# <------ keyword.control.heredoc-token.dockerfile
RUN <<EOT sh -e
#     ^^^ keyword.control.heredoc-token.dockerfile
#         ^^^^^ meta.heredoc.dockerfile
echo "$PATH"
#    ^^^^^^^ meta.embedded.block.shell string.quoted.double.shell
EOT
# <--- keyword.control.heredoc-token.dockerfile

# The delimiter ends the script even inside an unclosed shell string.
RUN <<EOF
#     ^^^ keyword.control.heredoc-token.dockerfile
echo "unclosed
#    ^^^^^^^^^ meta.embedded.block.shell string.quoted.double.shell
EOF
# <--- keyword.control.heredoc-token.dockerfile - meta.embedded.block.shell string.quoted.double.shell
ENV NODE_ENV=production
# <--- keyword.other.special-method.dockerfile - meta.heredoc.dockerfile

# <<- strips leading tabs, so the delimiter may be indented with tabs.
RUN <<-EOF
#   ^^^ keyword.operator.heredoc.dockerfile
#      ^^^ keyword.control.heredoc-token.dockerfile
	if true; then
# <--- meta.embedded.block.shell
		echo indented
# <------ meta.embedded.block.shell
	fi
# <--- meta.embedded.block.shell
	EOF
# <---- meta.heredoc.dockerfile
USER 65532
# <---- keyword.other.special-method.dockerfile - meta.heredoc.dockerfile

# Without the dash, a tab-indented delimiter is part of the body.
RUN <<EOF
#     ^^^ keyword.control.heredoc-token.dockerfile
echo one
# <-------- meta.embedded.block.shell
	EOF
# <---- meta.embedded.block.shell
echo two
# <-------- meta.embedded.block.shell
EOF
# <--- keyword.control.heredoc-token.dockerfile

# The input of another program, or a file: plain text, not shell and not Dockerfile.
RUN python3 <<EOF
# <--- keyword.other.special-method.dockerfile
#             ^^^ keyword.control.heredoc-token.dockerfile
print("it's", 1)
# <---------------- meta.heredoc.dockerfile string.unquoted.heredoc.dockerfile - meta.embedded.block.shell string.quoted.double.dockerfile
EOF
# <--- keyword.control.heredoc-token.dockerfile
COPY --chmod=0644 <<EOF /etc/app/app.conf
# <---- keyword.other.special-method.dockerfile
#    ^^^^^^^^^^^^ - string.unquoted.heredoc.dockerfile
#                   ^^^ keyword.control.heredoc-token.dockerfile
#                       ^^^^^^^^^^^^^^^^^ - string.unquoted.heredoc.dockerfile
RUN echo this is not a Dockerfile instruction
# <--- string.unquoted.heredoc.dockerfile - keyword.other.special-method.dockerfile
EOF
# <--- keyword.control.heredoc-token.dockerfile
ADD <<EOF /srv/index.html
# <--- keyword.other.special-method.dockerfile
<p>"hello"</p>
# <-------------- string.unquoted.heredoc.dockerfile
EOF
# <--- keyword.control.heredoc-token.dockerfile

# Several heredocs: the bodies follow in order, each up to its own delimiter.
COPY <<robots.txt <<humans.txt /usr/share/nginx/html/
#    ^^ keyword.operator.heredoc.dockerfile
#      ^^^^^^^^^^ keyword.control.heredoc-token.dockerfile
#                 ^^ keyword.operator.heredoc.dockerfile
#                   ^^^^^^^^^^ keyword.control.heredoc-token.dockerfile
#                              ^^^^^^^^^^^^^^^^^^^^^^ - string.unquoted.heredoc.dockerfile
User-agent: *
# <------------- string.unquoted.heredoc.dockerfile
robots.txt
# <---------- keyword.control.heredoc-token.dockerfile
Made by people
# <-------------- string.unquoted.heredoc.dockerfile
humans.txt
# <---------- keyword.control.heredoc-token.dockerfile
RUN <<FILE1 cat > file1 && <<-FILE2 cat > file2
#     ^^^^^ keyword.control.heredoc-token.dockerfile
#                          ^^^ keyword.operator.heredoc.dockerfile
#                             ^^^^^ keyword.control.heredoc-token.dockerfile
I am first
# <---------- string.unquoted.heredoc.dockerfile
FILE1
# <----- keyword.control.heredoc-token.dockerfile
	I am second
# <------------ string.unquoted.heredoc.dockerfile
	FILE2
#^^^^^ keyword.control.heredoc-token.dockerfile
# Three and four heredocs: every body ends at its own delimiter, dashes and quotes mixed.
COPY <<a <<b <<c /tmp/
#      ^ keyword.control.heredoc-token.dockerfile
#          ^ keyword.control.heredoc-token.dockerfile
#              ^ keyword.control.heredoc-token.dockerfile
1
# <- string.unquoted.heredoc.dockerfile
a
# <- keyword.control.heredoc-token.dockerfile
2
# <- string.unquoted.heredoc.dockerfile
b
# <- keyword.control.heredoc-token.dockerfile
3
# <- string.unquoted.heredoc.dockerfile
c
# <- keyword.control.heredoc-token.dockerfile
COPY <<one.txt <<-"two.txt" <<three.txt <<-four.txt /srv/
#      ^^^^^^^ keyword.control.heredoc-token.dockerfile
#                  ^^^^^^^ keyword.control.heredoc-token.dockerfile
#                             ^^^^^^^^^ keyword.control.heredoc-token.dockerfile
#                                          ^^^^^^^^ keyword.control.heredoc-token.dockerfile
first
# <----- string.unquoted.heredoc.dockerfile
	two.txt
# <-------- string.unquoted.heredoc.dockerfile
one.txt
# <------- keyword.control.heredoc-token.dockerfile
second
# <------ string.unquoted.heredoc.dockerfile
	two.txt
#^^^^^^^ keyword.control.heredoc-token.dockerfile
	third
# <------ string.unquoted.heredoc.dockerfile
three.txt
# <--------- keyword.control.heredoc-token.dockerfile
fourth
# <------ string.unquoted.heredoc.dockerfile
		four.txt
#  ^^^^^^^^ keyword.control.heredoc-token.dockerfile
LABEL after=four
# <----- keyword.other.special-method.dockerfile - meta.heredoc.dockerfile

# A heredoc after a line continuation: a RUN with only flags before it runs it as a script.
RUN --mount=type=cache,target=/root/.cache \
    --network=none \
    <<EOF
#   ^^ meta.heredoc.dockerfile keyword.operator.heredoc.dockerfile
#     ^^^ keyword.control.heredoc-token.dockerfile
if [ -d /root/.cache ]; then echo "cached"; fi
# <-- meta.embedded.block.shell keyword.control.shell
EOF
# <--- meta.heredoc.dockerfile keyword.control.heredoc-token.dockerfile
COPY --chmod=0755 \
  --link \
  <<-'SCRIPT' /usr/local/bin/entrypoint
# ^^^ keyword.operator.heredoc.dockerfile
#     ^^^^^^ keyword.control.heredoc-token.dockerfile
#             ^^^^^^^^^^^^^^^^^^^^^^^^^ - string.unquoted.heredoc.dockerfile
	exec "$@"
# <---------- string.unquoted.heredoc.dockerfile - meta.embedded.block.shell
	SCRIPT
#^^^^^^ keyword.control.heredoc-token.dockerfile
USER app
# <---- keyword.other.special-method.dockerfile - meta.heredoc.dockerfile
RUN python3 \
    <<EOF
#     ^^^ keyword.control.heredoc-token.dockerfile
print("it's")
# <------------- string.unquoted.heredoc.dockerfile - meta.embedded.block.shell
EOF
# <--- keyword.control.heredoc-token.dockerfile
# A continued RUN without a heredoc keeps the Dockerfile tokens it always had.
RUN apt-get update \
    && apt-get install -y "curl" \
#                         ^^^^^^ string.quoted.double.dockerfile
    # a comment inside the continuation
    && rm -rf /var/lib/apt/lists/*
EXPOSE 80
# <------ keyword.other.special-method.dockerfile - meta.heredoc.dockerfile
WORKDIR /app
# <------- keyword.other.special-method.dockerfile - meta.heredoc.dockerfile

# Not heredocs: quoted markers, here-strings, instructions without heredocs.
RUN echo "<<EOF" && cat <<<"here string"
#        ^^^^^^^ string.quoted.double.dockerfile
#                       ^^^ - meta.heredoc.dockerfile
ENV MARKER=<<EOF
#          ^^^^^ - meta.heredoc.dockerfile
EXPOSE 8080
# <------ keyword.other.special-method.dockerfile - meta.heredoc.dockerfile
