# Two commands on a fresh machine: `make run` and `make test`.
PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed

.PHONY: run test lint bench soak docs i18n clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[dev]'
	touch $(STAMP)

run: $(STAMP)
	mkdir -p data
	STORYBOT_DATABASE_PATH=$${STORYBOT_DATABASE_PATH:-data/storybot.db} $(BIN)/storybot chat

test: lint
	$(BIN)/python -m pytest -q

bench: $(STAMP)
	$(BIN)/python -m bench

soak: $(STAMP)
	$(BIN)/python -m bench.soak --minutes 5

lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy

docs: $(STAMP)
	$(BIN)/python -m bot.config_docs

# Messages from the code into the template, then into every language's catalog; the
# catalogs are read as .po at run time (bot/i18n.py), so this only checks they compile.
LOCALES := bot/locale
POT     := $(LOCALES)/storybot.pot
i18n: $(STAMP)
	$(BIN)/pybabel extract -F babel.cfg -o $(POT) --add-location=file --sort-by-file \
		--project=Storybot --copyright-holder="Storybot" -w 100 .
	$(BIN)/pybabel update -i $(POT) -d $(LOCALES) -D storybot --ignore-obsolete -w 100
	for po in $(LOCALES)/*/LC_MESSAGES/storybot.po; do \
		$(BIN)/pybabel compile --statistics -D storybot -i $$po -o /dev/null || exit 1; \
	done

clean:
	rm -rf $(VENV) .pytest_cache build *.egg-info
