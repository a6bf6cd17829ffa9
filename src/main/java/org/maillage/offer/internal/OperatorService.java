package org.maillage.offer.internal;

import java.util.List;
import java.util.Optional;
import org.maillage.offer.Operator;
import org.maillage.offer.Operators;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
@Transactional(readOnly = true)
class OperatorService implements Operators {

    private static final RowMapper<Operator> OPERATOR = (rs, row) -> new Operator(rs.getString("slug"),
            rs.getString("name"), rs.getString("kind"), rs.getString("region_code"), rs.getString("website"));

    private final JdbcClient jdbc;

    OperatorService(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public List<Operator> list() {
        return jdbc.sql("select * from offer.operator order by public.search_key(name)").query(OPERATOR).list();
    }

    @Override
    public Optional<Operator> find(String slug) {
        return jdbc.sql("select * from offer.operator where slug = :slug").param("slug", slug).query(OPERATOR).optional();
    }
}
