"""Parts of the PostgreSQL backend: columns, migrations, queries, transactions and errors."""
