// ncurses for Swift: wide-character API, and the globals and macros Swift 6
// cannot import (stdscr, LINES, COLS, COLOR_PAIR, A_BOLD...) as inline functions.
#ifndef CAPDASH_NCURSES_SHIM_H
#define CAPDASH_NCURSES_SHIM_H

#define NCURSES_WIDECHAR 1
#define _XOPEN_SOURCE_EXTENDED 1
#include <locale.h>
#include <signal.h>
#include <wchar.h>
#include <langinfo.h>
#include <string.h>
#include <ncursesw/curses.h>

/// Opens the terminal on stdin/stdout; NULL (instead of exiting, as initscr does) when TERM is unusable.
static inline SCREEN *capdash_newterm(void) { return newterm(NULL, stdout, stdin); }

/// Picks the user's locale, falling back to C.UTF-8 so wide characters draw even when LANG is unset.
static inline int capdash_use_utf8_locale(void) {
    setlocale(LC_ALL, "");
    if (strcmp(nl_langinfo(CODESET), "UTF-8") == 0) return 1;
    if (setlocale(LC_CTYPE, "C.UTF-8") != NULL && strcmp(nl_langinfo(CODESET), "UTF-8") == 0) return 1;
    return setlocale(LC_CTYPE, "en_US.UTF-8") != NULL;
}

static inline WINDOW *capdash_stdscr(void) { return stdscr; }
static inline WINDOW *capdash_curscr(void) { return curscr; }
static inline int capdash_lines(void) { return LINES; }
static inline int capdash_cols(void) { return COLS; }
static inline int capdash_colors(void) { return COLORS; }
static inline int capdash_color_pairs(void) { return COLOR_PAIRS; }
static inline attr_t capdash_color_pair(int pair) { return COLOR_PAIR(pair); }
static inline attr_t capdash_a_bold(void) { return A_BOLD; }
static inline attr_t capdash_a_dim(void) { return A_DIM; }
static inline attr_t capdash_a_underline(void) { return A_UNDERLINE; }
static inline attr_t capdash_a_reverse(void) { return A_REVERSE; }
static inline attr_t capdash_a_normal(void) { return A_NORMAL; }
static inline int capdash_key_resize(void) { return KEY_RESIZE; }
static inline int capdash_key_code_yes(void) { return KEY_CODE_YES; }

/// Draws UTF-8 text at (y, x) with attributes; returns ERR past the screen edge.
static inline int capdash_draw(int y, int x, const char *utf8, attr_t attributes) {
    wattrset(stdscr, (int)attributes);
    return mvwaddstr(stdscr, y, x, utf8);
}

/// Reads one key or character; *code is 1 for function keys.
static inline int capdash_read_key(wint_t *character, int *code) {
    int result = wget_wch(stdscr, character);
    *code = (result == KEY_CODE_YES);
    return result;
}

#endif
