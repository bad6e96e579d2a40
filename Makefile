# ChatOps: `make run` opens the console chat on the sandbox; `make test` builds and runs every test.
SHELL := /bin/bash
DOTNET ?= dotnet
CONFIG ?= Release
CLI := $(DOTNET) run --project src/ChatOps.Cli -c $(CONFIG) --no-launch-profile --
MODEL := models/intent-model.zip
export DOTNET_CLI_TELEMETRY_OPTOUT := 1
export DOTNET_NOLOGO := 1

.PHONY: build test train eval bench soak run clean model restore sandbox test-deps deploy-check soak-replicas

# Real GitLab webhook payloads (go-gitlab's testdata) come from Debian; tests read them from the installed package.
GO_GITLAB := golang-github-xanzy-go-gitlab-dev
# The PostgreSQL storage tests start a real server from Debian's package (initdb + pg_ctl on 127.0.0.1); they fail without it.
POSTGRES := postgresql

restore:
	$(DOTNET) restore ChatOps.sln

build: restore
	$(DOTNET) build ChatOps.sln -c $(CONFIG) --no-restore

# The committed model is used as it is; a fresh clone without one trains it first.
model:
	@if [ ! -f $(MODEL) ] || [ ! -f models/model-card.json ]; then echo "no model in models/: training one"; $(CLI) train; fi

train: restore
	$(CLI) train

eval: model
	$(CLI) eval

test-deps:
	@dpkg -s $(GO_GITLAB) >/dev/null 2>&1 || { echo "installing $(GO_GITLAB) (GitLab webhook fixtures)"; \
	  (apt-get update -qq && apt-get install -y -qq $(GO_GITLAB)) >/dev/null || echo "warning: could not install $(GO_GITLAB); webhook fixture tests will say so"; }
	@dpkg -s $(POSTGRES) >/dev/null 2>&1 || { echo "installing $(POSTGRES) (storage tests start a real server)"; \
	  (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $(POSTGRES)) >/dev/null || echo "warning: could not install $(POSTGRES); the PostgreSQL storage tests will fail and say so"; }

test: build model test-deps
	@set -o pipefail; $(DOTNET) test ChatOps.sln -c $(CONFIG) --no-build 2>&1 | tee .test-output.log; status=$$?; \
	  bash .ci/test-summary.sh .test-output.log; rm -f .test-output.log; exit $$status

bench: build model
	$(DOTNET) run --project tests/ChatOps.Benchmarks -c Release --no-build -- all
	bash tests/nlpjs/compare.sh

# 10,000 chat turns against `chatops serve` in its own process, SIGKILLed and restarted on the way; writes docs/soak.md.
# SOAK_ARGS="--turns 300" for a smoke run of about a minute.
soak: restore model
	$(DOTNET) build tests/ChatOps.Soak -c Release --no-restore
	$(DOTNET) run --project tests/ChatOps.Soak -c Release --no-build -- $(SOAK_ARGS)

# What can be checked of deploy/ without a Docker engine or a cluster: the Dockerfile's stages rehearsed on this machine
# (deploy/docker/rehearse.sh), and the plain manifests rendered by kustomize when kubectl is here.
deploy-check: model
	bash deploy/docker/rehearse.sh
	@if command -v kubectl >/dev/null; then \
	  kinds=$$(kubectl kustomize deploy/kubernetes | grep '^kind:' | sort | tr '\n' ' '); echo "kustomize: $$kinds"; \
	  for k in ClusterRole ClusterRoleBinding ConfigMap Deployment PersistentVolumeClaim Service ServiceAccount; do \
	    grep -q "kind: $$k " <<< "$$kinds " || { echo "kustomize: no $$k in deploy/kubernetes"; exit 1; }; done; \
	else echo "kustomize: kubectl is not installed; deploy/kubernetes not rendered"; fi

# The same with two `chatops serve` processes on one PostgreSQL database (started from Debian's package); writes docs/soak-replicas.md.
soak-replicas: restore model test-deps
	$(DOTNET) build tests/ChatOps.Soak -c Release --no-restore
	$(DOTNET) run --project tests/ChatOps.Soak -c Release --no-build -- --replicas 2 $(SOAK_ARGS)

run: build model
	$(CLI) console

sandbox: build
	$(CLI) sandbox

clean:
	$(DOTNET) clean ChatOps.sln -c $(CONFIG) >/dev/null
	rm -rf src/*/bin src/*/obj tests/*/bin tests/*/obj BenchmarkDotNet.Artifacts tests/nlpjs/node_modules
