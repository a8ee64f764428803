# Builds and runs the server; docker-compose.yml pairs it with PostGIS.
FROM maven:3.9.9-eclipse-temurin-17 AS build
WORKDIR /src
COPY pom.xml .
COPY src src
COPY web web
COPY data data
RUN mvn -B -q package -DskipTests

FROM eclipse-temurin:17-jre
WORKDIR /app
COPY --from=build /src/target/sahel-map.jar /app/sahel-map.jar
EXPOSE 8080
ENTRYPOINT ["java", "-jar", "/app/sahel-map.jar"]
CMD ["serve"]
