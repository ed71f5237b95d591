;;; check.el --- Emacs with Eglot as an LSP client of shipshape-language-server  -*- lexical-binding: t -*-
;; Run by test/emacs/run.mjs with `emacs --batch`, which puts `shipshape-language-server` on the
;; PATH and passes SHIPSHAPE_EMACS_RESULTS (one "ok - name" / "not ok - name: why" line per
;; check) and SHIPSHAPE_DOCKERFILE. The configuration is docs/editors.md's, as written there.

(package-initialize) ; Debian's elpa-eglot and elpa-dockerfile-mode
(require 'eglot)
(require 'dockerfile-mode)

;; --- docs/editors.md, "Emacs (Eglot)" ---
(with-eval-after-load 'eglot
  (add-to-list 'eglot-server-programs
               '((dockerfile-mode dockerfile-ts-mode) . ("shipshape-language-server" "--stdio"))))
(add-hook 'dockerfile-mode-hook #'eglot-ensure)
(add-hook 'dockerfile-ts-mode-hook #'eglot-ensure)
;; Settings, answered to the server's workspace/configuration requests.
(setq-default eglot-workspace-configuration
              '(:shipshape (:rules (:image-latest-tag "error"))))
;; --- end of the documented configuration ---

;; Batch mode asks no questions: apply the fix-all edit without a y-or-n prompt.
(setq eglot-confirm-server-initiated-edits nil)

(defvar shipshape-results nil)
(defun shipshape-check (name ok &optional why)
  (push (concat (if ok "ok - " "not ok - ") name (if (and (not ok) why) (concat ": " why) "")) shipshape-results)
  ok)

(defun shipshape-wait (seconds predicate)
  "Runs the event loop until PREDICATE holds or SECONDS pass; returns PREDICATE's value."
  (let ((deadline (+ (float-time) seconds)) value)
    (while (and (not (setq value (funcall predicate))) (< (float-time) deadline))
      (accept-process-output nil 0.1))
    value))

(defun shipshape-diagnostics ()
  "The buffer's Flymake diagnostics from Eglot as (CODE TYPE LINE COLUMN), sorted."
  (sort (mapcar (lambda (d)
                  (let ((text (flymake-diagnostic-text d)) (beg (flymake-diagnostic-beg d)))
                    (list (and (string-match "\\[\\([a-z0-9-]+\\)\\]" text) (match-string 1 text))
                          (flymake-diagnostic-type d)
                          (line-number-at-pos beg) (save-excursion (goto-char beg) (1+ (current-column))))))
                (flymake-diagnostics))
        (lambda (a b) (string< (format "%S" a) (format "%S" b)))))

(condition-case err
    (progn
      (find-file (getenv "SHIPSHAPE_DOCKERFILE"))
      (shipshape-check "the Dockerfile opens in dockerfile-mode" (eq major-mode 'dockerfile-mode) (format "%s" major-mode))
      ;; eglot-ensure connects after the command that opened the file; batch mode runs no command loop.
      (run-hooks 'post-command-hook)
      (when (shipshape-check "eglot-ensure starts shipshape-language-server" (shipshape-wait 30 #'eglot-current-server))
        (let ((found (shipshape-wait 30 (lambda () (assoc "cmd-shell-form" (shipshape-diagnostics))))))
          (shipshape-check "diagnostics arrive with the rule id as the code" found (format "%S" (shipshape-diagnostics))))
        (shipshape-check "cmd-shell-form is a warning on line 3, column 5"
                         (equal (assoc "cmd-shell-form" (shipshape-diagnostics)) '("cmd-shell-form" eglot-warning 3 5))
                         (format "%S" (shipshape-diagnostics)))
        (shipshape-check "eglot-workspace-configuration makes image-latest-tag an error (line 1, column 11)"
                         (equal (assoc "image-latest-tag" (shipshape-diagnostics)) '("image-latest-tag" eglot-error 1 11))
                         (format "%S" (shipshape-diagnostics)))
        ;; The fix-all source action, the way `M-x eglot-code-actions' offers it.
        (eglot-code-actions (point-min) (point-max) "source.fixAll.shipshape" t)
        (shipshape-check "source.fixAll.shipshape rewrites CMD in exec form"
                         (shipshape-wait 10 (lambda () (string-match-p "^CMD \\[\"node\", \"server.js\"\\]$" (buffer-string))))
                         (buffer-string))
        ;; Eglot sends the change and Flymake asks for a check from idle timers, which never fire
        ;; in batch mode: do what they would.
        (eglot--signal-textDocument/didChange)
        (shipshape-check "the edited buffer is checked again: cmd-shell-form is gone, image-latest-tag stays"
                         (shipshape-wait 30 (lambda () (flymake-start)
                                              (let ((codes (mapcar #'car (shipshape-diagnostics))))
                                                         (and (not (member "cmd-shell-form" codes)) (member "image-latest-tag" codes)))))
                         (format "%S" (shipshape-diagnostics)))))
  (error (shipshape-check "no Lisp error" nil (error-message-string err))))

(with-temp-file (getenv "SHIPSHAPE_EMACS_RESULTS")
  (insert (mapconcat #'identity (reverse shipshape-results) "\n") "\n"))
(kill-emacs 0)
