"""The verbs of `docgen`, one module each: each composes the engines below it and returns an exit status."""
