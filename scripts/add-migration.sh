#!/usr/bin/env bash
# Adds a migration with the same name to both providers' migration sets.
# Usage: scripts/add-migration.sh NameOfTheChange
set -euo pipefail
name=${1:?usage: scripts/add-migration.sh NameOfTheChange}
cd "$(dirname "$0")/.."
dotnet tool restore >/dev/null
dotnet build src/CityHall.Web -v q -nologo
dotnet ef migrations add "$name" --no-build --project src/CityHall.Web --context SqliteAppDbContext --output-dir Data/Migrations/Sqlite -- --Database:Provider=Sqlite
dotnet ef migrations add "$name" --no-build --project src/CityHall.Web --context PostgresAppDbContext --output-dir Data/Migrations/Postgres \
  -- --Database:Provider=Postgres "--ConnectionStrings:Default=Host=localhost;Database=design_time_only"
