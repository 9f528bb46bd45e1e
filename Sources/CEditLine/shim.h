#ifndef EXQ_CEDITLINE_SHIM_H
#define EXQ_CEDITLINE_SHIM_H
// libedit for exq. Its variadic calls (el_set, el_get, history) cannot be called from Swift,
// so each use exq makes is wrapped here in a small fixed-argument function.
#include <stdio.h>
#include <histedit.h>

/// The standard streams: Swift 6 will not read C's global `stdin`, `stdout`, `stderr` directly.
static inline FILE *exq_standard_input(void) { return stdin; }
static inline FILE *exq_standard_output(void) { return stdout; }
static inline FILE *exq_standard_error(void) { return stderr; }

/// A prompt function: returns the prompt text for the editor (see exq_el_set_prompt).
typedef char *(*exq_prompt_function)(EditLine *);
/// A key function added with exq_el_add_function: returns one of the CC_ codes.
typedef unsigned char (*exq_key_function)(EditLine *, int);

/// Sets the prompt function. Characters between two '\1' in the prompt are printed but not
/// counted for the cursor's place, so that colour escapes can be used.
static inline int exq_el_set_prompt(EditLine *el, exq_prompt_function prompt) {
    return el_set(el, EL_PROMPT_ESC, prompt, '\1');
}

/// Chooses the key bindings: "emacs" or "vi".
static inline int exq_el_set_editor(EditLine *el, const char *mode) {
    return el_set(el, EL_EDITOR, mode);
}

/// Connects a history list, so that Up, Down and incremental search walk it.
static inline int exq_el_set_history(EditLine *el, History *history_list) {
    return el_set(el, EL_HIST, history, history_list);
}

/// Adds a named key function, to be bound with exq_el_bind.
static inline int exq_el_add_function(EditLine *el, const char *name, const char *help,
                                      exq_key_function function) {
    return el_set(el, EL_ADDFN, name, help, function);
}

/// Binds a key sequence such as "^I" or "^R" to a named function.
static inline int exq_el_bind(EditLine *el, const char *keys, const char *function_name) {
    return el_set(el, EL_BIND, keys, function_name, (const char *)NULL);
}

/// When on, libedit restores the terminal while a signal (Ctrl-C, SIGTERM, SIGTSTP) is handled
/// and then passes the signal on to the handler that was installed before.
static inline int exq_el_set_signal_handling(EditLine *el, int on) {
    return el_set(el, EL_SIGNAL, on);
}

/// Puts the terminal into libedit's editing mode now (on) or back to its normal mode (off).
/// el_gets draws the prompt first and switches the mode only at its first read, so keys typed
/// in between would be echoed and buffered by the terminal as in a plain read.
static inline int exq_el_prepare_terminal(EditLine *el, int on) {
    return el_set(el, EL_PREP_TERM, on);
}

/// Changes one terminal mode flag, as `stty` would, for libedit's editing mode only: exq turns
/// "isig" off there so that Ctrl-C reaches its own key function instead of racing a signal.
static inline int exq_el_set_editing_tty_mode(EditLine *el, const char *mode) {
    return el_set(el, EL_SETTY, "-d", mode, (const char *)NULL);
}

/// Stores one pointer for the callbacks to find their editor again.
static inline int exq_el_set_client_data(EditLine *el, void *data) {
    return el_set(el, EL_CLIENTDATA, data);
}

/// The pointer stored with exq_el_set_client_data.
static inline void *exq_el_client_data(EditLine *el) {
    void *data = NULL;
    el_get(el, EL_CLIENTDATA, &data);
    return data;
}

/// The stream that libedit writes the prompt and the line to.
static inline FILE *exq_el_output(EditLine *el) {
    FILE *out = NULL;
    el_get(el, EL_GETFP, 1, &out);
    return out;
}

/// The most entries kept; older ones are dropped.
static inline int exq_history_set_size(History *h, int size) {
    HistEvent event;
    return history(h, &event, H_SETSIZE, size);
}

/// When on, an entry equal to the one before it is not added again.
static inline int exq_history_set_unique(History *h, int on) {
    HistEvent event;
    return history(h, &event, H_SETUNIQUE, on);
}

/// Adds an entry as the newest.
static inline int exq_history_enter(History *h, const char *entry) {
    HistEvent event;
    return history(h, &event, H_ENTER, entry);
}

/// Reads entries from a history file (newlines inside an entry are kept encoded in the file).
static inline int exq_history_load(History *h, const char *path) {
    HistEvent event;
    return history(h, &event, H_LOAD, path);
}

/// Writes the whole history to a file, replacing it.
static inline int exq_history_save(History *h, const char *path) {
    HistEvent event;
    return history(h, &event, H_SAVE, path);
}

/// The newest entry, or NULL when the history is empty.
static inline const char *exq_history_first(History *h) {
    HistEvent event;
    if (history(h, &event, H_FIRST) < 0) return NULL;
    return event.str;
}

/// The entry older than the one last returned, or NULL after the oldest.
static inline const char *exq_history_next(History *h) {
    HistEvent event;
    if (history(h, &event, H_NEXT) < 0) return NULL;
    return event.str;
}

#endif
